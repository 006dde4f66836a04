using GraphAttn.Model.Inference;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// LightGCN-style propagation over the user–content interaction graph, without weights or non-linearities: layer 0 is
/// the user id vectors U⁰ and the content base vectors C⁰, and Uᵏ⁺¹ = Â Cᵏ, Cᵏ⁺¹ = Âᵀ Uᵏ with Â[u, c] = 1 / √(d_u d_c)
/// over distinct pairs. The model adds mean(U¹..Uᴷ) to the user vectors and mean(C¹..Cᴷ) to the content vectors.
/// Why: the attention layers see one hop per relation, so an artist with one or two listeners learns from little; the
/// propagation smooths every vector over K hops of co-listening at no parameter cost (on Last.fm it raised content
/// Recall@20 above BPR's on the same split). Because mean(U¹..Uᴷ) = Â · mean(C⁰..Cᴷ⁻¹), a target needs only its own
/// in-edges and the table C̄ (<see cref="PropagationTables"/>): the per-target forward stays one hop.
/// </summary>
internal static class InteractionPropagation
{
    /// <summary>The layer means Ū = mean(U⁰..Uᴷ⁻¹) and C̄ = mean(C⁰..Cᴷ⁻¹) over <paramref name="graph"/>.</summary>
    public static (Tensor Users, Tensor Contents) LayerMeans(Tensor users0, Tensor contents0, PropagationGraph graph, int layers)
    {
        Tensor u = users0, c = contents0, sumU = users0, sumC = contents0;
        for (var k = 1; k < layers; k++)
        {
            var nextU = PropagationProduct.apply(c, graph.UserHop);
            var nextC = PropagationProduct.apply(u, graph.ContentHop);
            (u, c) = (nextU, nextC);
            sumU = sumU.Plus(u);
            sumC = sumC.Plus(c);
        }
        return layers == 1 ? (sumU, sumC) : (sumU.div(Scalars.Of(layers)), sumC.div(Scalars.Of(layers)));
    }

    /// <summary>
    /// Σ over each target's listed sources of table[s] / √(d_t d_s) -> [T, D]. d_s comes from the table's graph (at
    /// least 1: a source the graph has no pair for, such as a live event's content, counts this edge alone). d_t is the
    /// number of distinct listed sources, unless <paramref name="fullDegree"/> gives the target's degree in the graph:
    /// then the listed sources are a sample and each is scaled by d_t / listed, an unbiased estimate of the full sum
    /// (<see cref="PropagationEdges.Weigh"/>).
    /// </summary>
    /// <param name="table">[N, D] vectors of the sources (global indices).</param>
    /// <param name="edges">Per-target sources, global indices; repeats within a target count once.</param>
    /// <param name="sourceDegree">[N] degree of each source in the table's graph.</param>
    /// <param name="fullDegree">Target t's degree in the graph, for sampled edges; null when the edges are complete.</param>
    public static Tensor Aggregate(Tensor table, TargetEdges edges, float[] sourceDegree, Func<int, float>? fullDegree) =>
        PropagationProduct.apply(table, PropagationEdges.Weigh(edges, sourceDegree, fullDegree));
}
