using System.Runtime.CompilerServices;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Embeddings;

namespace GraphAttn.Embedding.Inductive;

/// <summary>
/// The server's content embedder for fresh content: <see cref="InductiveContentEmbedder"/> over whatever graph is
/// served, one per graph version (its id rows resolved once, on first use; released with the graph).
/// </summary>
public sealed class ServingContentEmbedder(SocialRecModel model, CheckpointMetadata metadata, CheckpointIds? ids, string modelId)
    : IOnlineContentEmbedder
{
    private readonly ConditionalWeakTable<SocialGraph, InductiveContentEmbedder> _perGraph = new();

    /// <inheritdoc />
    public string ModelId => modelId;

    /// <inheritdoc />
    public float[]? Embed(SocialGraph graph, int content) =>
        _perGraph.GetValue(graph, g => new InductiveContentEmbedder(model, g, CheckpointRows.Resolve(metadata, ids, g))).Embed(content);
}
