using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// Attention over each user's last L interactions. Token = content embedding + kind embedding + position
/// embedding (0 = most recent) + age-bucket embedding; a learned summary token is prepended so a user without
/// history still has a defined output. <see cref="ModelOptions.HistoryLayers"/> transformer encoder layers (H heads,
/// feed-forward 2D, padding masked; none = the tokens as they are), then attention pooling with a learned query, whose
/// weights explain which history items shaped the user.
/// Shapes: contents [Cn, D], history rows [U, L] -> [U, D] (and pooling weights [U, L + 1]).
/// </summary>
public sealed class HistoryEncoder : nn.Module<Tensor, HistoryTensors, Tensor>
{
    private readonly Embedding kind_emb, position_emb, age_emb;
    private readonly Parameter summary_token, pool_query;
    private readonly TransformerEncoderLayer? encoder;
    private readonly int dimension;

    /// <summary>Creates the encoder for width <paramref name="dimension"/> (D) and the options' L, heads and buckets.</summary>
    public HistoryEncoder(string name, int dimension, ModelOptions options) : base(name)
    {
        this.dimension = dimension;
        kind_emb = nn.Embedding(5, dimension);
        position_emb = nn.Embedding(options.HistoryLength, dimension);
        age_emb = nn.Embedding(options.TimeBuckets, dimension);
        summary_token = new Parameter(randn(1, 1, dimension).mul(Scalars.Of(0.1)));
        pool_query = new Parameter(randn(dimension).mul(Scalars.Of(0.1)));
        if (options.HistoryLayers > 0) encoder = nn.TransformerEncoderLayer(dimension, options.Heads, 2 * dimension, options.HistoryDropout);
        foreach (var e in new[] { kind_emb, position_emb, age_emb })
            using (no_grad()) e.weight!.normal_(0, 0.1);
        RegisterComponents();
    }

    // Per thread, so that concurrent inference passes (online embeddings) each read their own weights back.
    private readonly ThreadLocal<Tensor?> lastPoolWeights = new();

    /// <summary>
    /// Pooling weights of the last forward pass on the calling thread, [U, L + 1] (column 0 = summary token); detached.
    /// </summary>
    public Tensor? LastPoolWeights => lastPoolWeights.Value;

    /// <inheritdoc />
    public override Tensor forward(Tensor contents, HistoryTensors history)
    {
        var users = history.Items.shape[0];
        // 1. tokens [U, L, D] and the summary token in front -> [U, L+1, D].
        var tokens = TableRows.Gather(contents, history.Items.flatten()).view(users, -1, dimension)
            .Plus(kind_emb.forward(history.Kinds)).Plus(position_emb.forward(history.Positions))
            .Plus(age_emb.forward(history.Ages));
        tokens = cat([summary_token.expand(users, 1, dimension), tokens], 1);
        var padding = cat([zeros(users, 1, ScalarType.Bool), history.Padding], 1); // [U, L+1], true = ignore
        // 2. self-attention; the encoder wants [L+1, U, D].
        var encoded = encoder is null ? tokens : encoder.call(tokens.transpose(0, 1), null!, padding).transpose(0, 1); // [U, L+1, D]
        // 3. attention pooling with a learned query over the non-padded tokens.
        var scores = encoded.matmul(pool_query).div(Scalars.Of(Math.Sqrt(dimension)))
            .masked_fill(padding, Scalars.Of(double.NegativeInfinity));
        var weights = scores.softmax(1); // [U, L+1]
        lastPoolWeights.Value?.Dispose();
        lastPoolWeights.Value = weights.detach().clone().DetachFromDisposeScope();
        return (weights.unsqueeze(-1) * encoded).sum(1); // [U, D]
    }
}
