using GraphAttn.Graph;
using TorchSharp;

namespace GraphAttn.Model.Inference;

/// <summary>
/// What every block of one graph shares: the content → topic adjacency (for the content base vectors) and the map from
/// graph indices to weight rows. Immutable; one per graph (and checkpoint).
/// </summary>
/// <param name="ContentTopics">content → topics, indexed by graph content index (e.g. <see cref="SocialGraph.ContentTopics"/>).</param>
/// <param name="Rows">Graph index → weight row maps; <see cref="NodeRows.Identity"/> for the training graph.</param>
public sealed record BlockContext(Csr ContentTopics, NodeRows Rows)
{
    /// <summary>
    /// The graph's propagation tables, which a model with <see cref="Modeling.ModelOptions.PropagationLayers"/> &gt; 0
    /// needs (<see cref="Modeling.SocialRecModel.Propagate"/>); null for a model without propagation.
    /// </summary>
    public PropagationTables? Propagation { get; init; }

    /// <summary>
    /// The content base vectors (id + mean of topics) of every graph content under the current weights [Cn, D], when the
    /// caller has them already (a full-graph training step computes them for the content side): a block then gathers its
    /// contents' bases from here instead of recomputing them. Only valid with identity rows (the training graph).
    /// </summary>
    public torch.Tensor? ContentBases { get; init; }

    /// <summary>This context with <paramref name="tables"/>.</summary>
    public BlockContext With(PropagationTables? tables) => this with { Propagation = tables };

    /// <summary>The context of the graph the model was trained on (identity rows).</summary>
    public static BlockContext ForTrainingGraph(SocialGraph graph) => new(graph.ContentTopics, NodeRows.Identity);
}
