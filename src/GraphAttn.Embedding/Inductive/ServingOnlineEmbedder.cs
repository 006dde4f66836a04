using System.Runtime.CompilerServices;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;

namespace GraphAttn.Embedding.Inductive;

/// <summary>
/// The server's online embedder: <see cref="InductiveEmbedder"/> over whatever graph the request is answered from,
/// fed with the user's live follows and interactions, and giving content the snapshot lacks its vector at sync time.
/// One inductive embedder per graph version, built on first use. Live unfollows are not applied (the graph's follows
/// stay in the neighbourhood until the next load).
/// </summary>
public sealed class ServingOnlineEmbedder(SocialRecModel model, CheckpointMetadata metadata, CheckpointIds? ids, string modelId)
    : IOnlineUserEmbedder, IOnlineContentEmbedder
{
    private readonly ConditionalWeakTable<SocialGraph, InductiveEmbedder> _perGraph = new();

    /// <inheritdoc />
    public string ModelId => modelId;

    /// <inheritdoc />
    public OnlineUserVector? Embed(SocialGraph graph, int user, UserOverlay overlay)
    {
        var embedder = For(graph);
        var live = overlay.Recent.Select(e => new HistoryEvent(e.ContentId, e.Kind, e.TimestampMs));
        if (embedder.Embed(graph.Users[user], overlay.Followed, live) is not { } result) return null;
        var friends = result.TopFriends
            .Select(f => graph.Users.TryGetIndex(f.UserId, out var u) ? (u, f.Weight) : (-1, 0f)).Where(f => f.Item1 >= 0).ToList();
        var history = result.TopHistory
            .Select(h => graph.Contents.TryGetIndex(h.ContentId, out var c) ? (c, h.Weight) : (-1, 0f)).Where(h => h.Item1 >= 0).ToList();
        return new OnlineUserVector(result.User, result.Friend, new UserAttention(friends, history));
    }

    /// <inheritdoc />
    public float[]? Embed(SocialGraph graph, int content) => For(graph).EmbedContent(content);

    private InductiveEmbedder For(SocialGraph graph) =>
        _perGraph.GetValue(graph, g => new InductiveEmbedder(model, g, CheckpointRows.Resolve(metadata, ids, g)));
}
