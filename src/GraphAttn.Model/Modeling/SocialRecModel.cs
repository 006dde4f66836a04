using GraphAttn.Model.Attention;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// The recommendation model. Steps of <see cref="forward"/> (D = embedding width, H heads of D/H channels):
/// <list type="number">
/// <item>content base = id embedding + mean of its topics' embeddings [Cn, D];</item>
/// <item>content = base + ELU(GAT over the users who interacted with it) [Cn, D];</item>
/// <item>social view of a user = id embedding + ELU(GAT over followees) + ELU(GAT over interacted contents): the
/// follow and interaction relations attend with separate layers [U, D];</item>
/// <item>history view = <see cref="HistoryEncoder"/> over the last L interactions [U, D];</item>
/// <item>user = g * social + (1 - g) * history with a learned per-dimension gate g = sigmoid(W [social; history]);</item>
/// <item>friend vectors = a linear map of the user vectors (follow taste differs from content taste) [U, D].</item>
/// </list>
/// </summary>
public sealed class SocialRecModel : nn.Module<GraphInputs, ModelOutput>
{
    private readonly Embedding user_emb, content_emb, topic_emb;
    private readonly GatConv content_gat, follow_gat, interaction_gat;
    private readonly HistoryEncoder history;
    private readonly Linear gate, friend_proj;

    /// <summary>Creates the model for a graph of the given sizes.</summary>
    public SocialRecModel(int users, int contents, int topics, ModelOptions options, ulong seed = 0) : base("social_rec")
    {
        options.Validate();
        Options = options;
        int d = options.Dimension, h = options.Heads, c = options.Dimension / options.Heads;
        user_emb = nn.Embedding(users, d);
        content_emb = nn.Embedding(contents, d);
        topic_emb = nn.Embedding(Math.Max(1, topics), d);
        foreach (var e in new[] { user_emb, content_emb, topic_emb })
            using (no_grad()) e.weight!.normal_(0, 0.1);
        var p = options.AttentionDropout;
        content_gat = new GatConv("content_gat", d, targetFeatures: d, heads: h, channels: c, dropout: p, seed: seed + 1);
        follow_gat = new GatConv("follow_gat", d, heads: h, channels: c, dropout: p, seed: seed + 2);
        interaction_gat = new GatConv("interaction_gat", d, targetFeatures: d, heads: h, channels: c, dropout: p, seed: seed + 3);
        history = new HistoryEncoder("history", d, options);
        gate = nn.Linear(2 * d, d);
        friend_proj = nn.Linear(d, d);
        RegisterComponents();
    }

    /// <summary>The hyper-parameters this model was built with.</summary>
    public ModelOptions Options { get; }

    /// <summary>The follow-relation GAT layer (its attention explains influential friends).</summary>
    public GatConv FollowAttention => follow_gat;

    /// <summary>The history encoder (its pooling weights explain which history items matter).</summary>
    public HistoryEncoder History => history;

    /// <summary>Switches every GAT layer between fused kernels and the reference implementation.</summary>
    public void UseImplementation(GatImplementation implementation) =>
        content_gat.Implementation = follow_gat.Implementation = interaction_gat.Implementation = implementation;

    /// <inheritdoc />
    public override ModelOutput forward(GraphInputs graph)
    {
        // 1. content base from id and topics.
        var topicSum = zeros(graph.Contents, Options.Dimension)
            .index_add(0, graph.TopicContentTensor, topic_emb.weight!.index_select(0, graph.TopicIndexTensor), 1.0);
        var contentBase = content_emb.weight! + topicSum / graph.TopicCountTensor; // [Cn, D]
        var users = user_emb.weight!; // [U, D]
        // 2. contents attend to the users who interacted with them.
        var contents = contentBase + nn.functional.elu(content_gat.forward(users, contentBase, graph.UsersToContent), 1.0);
        // 3. relation-aware social view: followees and interacted contents through separate attention layers.
        var social = users
            + nn.functional.elu(follow_gat.forward(users, users, graph.Follows), 1.0)
            + nn.functional.elu(interaction_gat.forward(contentBase, users, graph.ContentToUsers), 1.0); // [U, D]
        // 4. ordered history view.
        var historyView = history.forward(contentBase, graph.HistoryTensors); // [U, D]
        // 5. learned gate fuses the two views.
        var g = gate.forward(cat([social, historyView], 1)).sigmoid();
        var user = g * social + (1 - g) * historyView;
        // 6. friend vectors.
        return new ModelOutput(user, contents, friend_proj.forward(user));
    }
}
