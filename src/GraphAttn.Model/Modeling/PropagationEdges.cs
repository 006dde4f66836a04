using GraphAttn.Model.Inference;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// One propagation hop as a weighted sparse matrix, CSR over the targets: row t holds the DISTINCT sources of target t
/// (first occurrence kept, in listed order) with weight scale_t / √max(1, d_s), where scale_t = 1/√d_t for complete
/// in-edges, or √D_t / listed for a sample of a target with D_t in-edges (an unbiased estimate of the full sum).
/// <see cref="PropagationProduct"/> multiplies a table by it without materialising one row per edge; its backward walks
/// <see cref="Transposed"/>, built on first use and kept, so the whole-graph hops pay for it once per graph.
/// Shapes: Offsets [T + 1], Sources/Weights [E].
/// </summary>
internal sealed class PropagationEdges
{
    private readonly Lazy<PropagationEdges> transposed;

    private PropagationEdges(int[] offsets, int[] sources, float[] weights, int sourceCount)
    {
        Offsets = offsets;
        Sources = sources;
        Weights = weights;
        SourceCount = sourceCount;
        transposed = new Lazy<PropagationEdges>(Transpose);
    }

    /// <summary>[T + 1] row starts.</summary>
    public int[] Offsets { get; }

    /// <summary>[E] source of each edge.</summary>
    public int[] Sources { get; }

    /// <summary>[E] weight of each edge.</summary>
    public float[] Weights { get; }

    /// <summary>Rows the multiplied table must have at least (one more than the largest source; the degree array's length).</summary>
    public int SourceCount { get; }

    /// <summary>Number of targets T.</summary>
    public int TargetCount => Offsets.Length - 1;

    /// <summary>Number of stored edges.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>
    /// The same matrix transposed (CSR over the sources, targets as columns), each row's edges in the original edge
    /// order: the backward pass sums every source's gradient in the order the forward listed its edges.
    /// </summary>
    public PropagationEdges Transposed => transposed.Value;

    /// <summary>Weights the edges of <paramref name="edges"/> for one hop.</summary>
    /// <param name="edges">Per-target sources, global indices; repeats within a target count once.</param>
    /// <param name="sourceDegree">[N] degree of each source in the propagation graph.</param>
    /// <param name="fullDegree">Target t's degree in the graph, for sampled edges; null when the edges are complete.</param>
    /// <exception cref="ArgumentException">A source is outside <paramref name="sourceDegree"/>.</exception>
    public static PropagationEdges Weigh(TargetEdges edges, float[] sourceDegree, Func<int, float>? fullDegree)
    {
        var offsets = new int[edges.TargetCount + 1];
        var sources = new int[edges.EdgeCount];
        var weights = new float[edges.EdgeCount];
        var seen = new HashSet<int>();
        var count = 0;
        for (var t = 0; t < edges.TargetCount; t++)
        {
            var start = count;
            seen.Clear();
            foreach (var s in edges.Of(t))
            {
                if ((uint)s >= (uint)sourceDegree.Length)
                    throw new ArgumentException($"source {s} is not a node of the propagation graph ({sourceDegree.Length} nodes)");
                if (seen.Add(s)) sources[count++] = s;
            }
            var listed = (double)(count - start);
            if (listed > 0)
            {
                var degree = fullDegree?.Invoke(t) ?? listed;
                var scale = Math.Sqrt(degree) / listed; // 1/√d_t when the list is complete
                for (var e = start; e < count; e++)
                    weights[e] = (float)(scale / Math.Sqrt(Math.Max(1f, sourceDegree[sources[e]])));
            }
            offsets[t + 1] = count;
        }
        if (count < sources.Length)
        {
            Array.Resize(ref sources, count);
            Array.Resize(ref weights, count);
        }
        return new PropagationEdges(offsets, sources, weights, sourceDegree.Length);
    }

    // Counting sort by source; a stable one, so each source's edges keep their forward order.
    private PropagationEdges Transpose()
    {
        var offsets = new int[SourceCount + 1];
        foreach (var s in Sources) offsets[s + 1]++;
        for (var s = 0; s < SourceCount; s++) offsets[s + 1] += offsets[s];
        var next = offsets[..^1];
        var targets = new int[EdgeCount];
        var weights = new float[EdgeCount];
        for (var t = 0; t < TargetCount; t++)
            for (var e = Offsets[t]; e < Offsets[t + 1]; e++)
            {
                var slot = next[Sources[e]]++;
                targets[slot] = t;
                weights[slot] = Weights[e];
            }
        return new PropagationEdges(offsets, targets, weights, TargetCount);
    }
}
