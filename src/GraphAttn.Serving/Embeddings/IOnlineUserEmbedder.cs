using GraphAttn.Graph;
using GraphAttn.Serving.Events;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Computes one user's embedding at request time with the model (it is inductive: a user is a function of their
/// followees and history, not only of a learned id row). Used for users the snapshot lacks (arrived after the last
/// re-embedding) and for users with live events (their history view is refreshed without a full re-embed).
/// Implementations are thread-safe.
/// </summary>
public interface IOnlineUserEmbedder
{
    /// <summary>The model whose vectors this produces; only comparable with a snapshot of the same model id.</summary>
    string ModelId { get; }

    /// <summary>
    /// The embedding of graph user <paramref name="user"/> from the graph plus <paramref name="overlay"/>'s live
    /// follows and interactions; null when the user has neither followees nor history (use the baselines).
    /// </summary>
    OnlineUserVector? Embed(SocialGraph graph, int user, UserOverlay overlay);
}

/// <summary>An online embedding: content-scoring vector, friend-scoring vector, and what it attended to.</summary>
public sealed record OnlineUserVector(float[] User, float[] Friend, UserAttention Attention);
