using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// The layer benchmarks' graph: <c>edges</c> uniformly random (source, target) pairs over <c>nodes</c> nodes, seed 1,
/// plus a self-loop per node, so `gat`, `kernel` and `gat-parts` time the same edges.
/// </summary>
internal static class RandomGraph
{
    /// <summary>Nodes, edges and the third argument (repetitions) of a layer benchmark's command line.</summary>
    public static (int Nodes, int Edges, int Reps) Arguments(int[] args, int defaultReps) => (
        args.ElementAtOrDefault(0) is > 0 and var n ? n : 100_000,
        args.ElementAtOrDefault(1) is > 0 and var e ? e : 2_000_000,
        args.ElementAtOrDefault(2) is > 0 and var r ? r : defaultReps);

    /// <summary>The CSR edges, self-loops added.</summary>
    public static GatEdges Build(int nodes, int edgeCount)
    {
        var random = new Random(1);
        var src = new int[edgeCount];
        var dst = new int[edgeCount];
        for (var i = 0; i < edgeCount; i++) (src[i], dst[i]) = (random.Next(nodes), random.Next(nodes));
        return GatEdges.FromPairs(src, dst, nodes, nodes, addSelfLoops: true);
    }
}
