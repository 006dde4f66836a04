using GraphAttn.Graph;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Computes one content's vector with the model, for content the served snapshot lacks (created after the last
/// re-embedding): the model is inductive, so a new content's vector follows from its topics and the users who
/// interacted with it, without a learned id row. Implementations are thread-safe.
/// </summary>
public interface IOnlineContentEmbedder
{
    /// <summary>The model whose vectors this produces; only comparable with a snapshot of the same model id.</summary>
    string ModelId { get; }

    /// <summary>The vector of graph content <paramref name="content"/>, or null when the model cannot give one.</summary>
    float[]? Embed(SocialGraph graph, int content);
}
