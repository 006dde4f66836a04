using GraphAttn.Model.Modeling;
using GraphAttn.Ranking;
using static TorchSharp.torch;

namespace GraphAttn.Model.Explanations;

/// <summary>
/// Reads a trained model's attention as explanations: per user, the followees the follow-GAT attended to most
/// (mean over heads, self-loop excluded) and the history items the history pooling weighted most. Computed once for
/// all users; thread-safe to query afterwards.
/// </summary>
public sealed class AttentionExplainer
{
    private readonly GraphInputs inputs;
    private readonly float[] followAlpha; // [E] mean over heads, in Follows edge order
    private readonly float[] historyWeights; // [U, L + 1], column 0 = summary token

    /// <summary>Runs the model once in eval mode and keeps its attention weights.</summary>
    public AttentionExplainer(SocialRecModel model, GraphInputs inputs)
    {
        this.inputs = inputs;
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.forward(inputs);
        historyWeights = model.History.LastPoolWeights!.contiguous().data<float>().ToArray();
        var users = model.get_parameter("user_emb.weight")!;
        var perHead = model.FollowAttention.AttentionCoefficients(users, users, inputs.Follows);
        var heads = perHead.Length / Math.Max(1, inputs.Follows.EdgeCount);
        followAlpha = new float[inputs.Follows.EdgeCount];
        for (var e = 0; e < followAlpha.Length; e++)
        {
            var sum = 0f;
            for (var k = 0; k < heads; k++) sum += perHead[e * heads + k];
            followAlpha[e] = sum / heads;
        }
    }

    /// <summary>Up to <paramref name="k"/> followees of <paramref name="user"/> by attention, highest first.</summary>
    public ScoredIndex[] TopFriends(int user, int k)
    {
        var edges = inputs.Follows;
        var candidates = new List<ScoredIndex>();
        for (var e = edges.TargetOffsets[user]; e < edges.TargetOffsets[user + 1]; e++)
            if (edges.Sources[e] != user) candidates.Add(new ScoredIndex(edges.Sources[e], followAlpha[e]));
        return [.. candidates.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(k)];
    }

    /// <summary>
    /// Up to <paramref name="k"/> content indices from the user's last L interactions by pooling weight, highest
    /// first (the same content may appear once per interaction; duplicates are merged by summing).
    /// </summary>
    public ScoredIndex[] TopHistoryItems(int user, int k)
    {
        var history = inputs.History;
        var width = history.Length + 1;
        var byContent = new Dictionary<int, float>();
        for (var p = 0; p < history.Length; p++)
        {
            var slot = user * history.Length + p;
            if (history.Padding[slot]) continue;
            var content = (int)history.Items[slot];
            byContent[content] = byContent.GetValueOrDefault(content) + historyWeights[user * width + p + 1];
        }
        return [.. byContent.Select(kv => new ScoredIndex(kv.Key, kv.Value)).OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(k)];
    }
}
