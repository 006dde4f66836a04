using GraphAttn.Graph;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The incoming edges of a block's targets in GLOBAL node indices, as CSR over the targets: the sources of target
/// t (the t-th entry of the block's target list) are <c>Sources[Offsets[t]..Offsets[t+1]]</c>, attended in that order.
/// For inference these are all in-edges; a mini-batch trainer passes a sample of them.
/// Shapes: Offsets [T + 1], Sources [E].
/// </summary>
public sealed class TargetEdges
{
    /// <summary>Wraps the arrays (not copied).</summary>
    /// <exception cref="ArgumentException">Offsets do not start at 0, decrease, or do not end at Sources.Length.</exception>
    public TargetEdges(int[] offsets, int[] sources)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(sources);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != sources.Length)
            throw new ArgumentException($"offsets must start at 0 and end at {sources.Length} (got {offsets.Length} offsets)");
        for (var t = 1; t < offsets.Length; t++)
            if (offsets[t] < offsets[t - 1]) throw new ArgumentException($"offsets decrease at target {t - 1}");
        Offsets = offsets;
        Sources = sources;
    }

    /// <summary>
    /// True when these are a sample of each target's in-edges (a mini-batch block): the interaction propagation then
    /// scales the listed sources up to the target's full degree. False (the default) for complete in-edges.
    /// </summary>
    public bool Sampled { get; init; }

    /// <summary>[T + 1] row starts.</summary>
    public int[] Offsets { get; }

    /// <summary>[E] global source index of each edge.</summary>
    public int[] Sources { get; }

    /// <summary>Number of targets T.</summary>
    public int TargetCount => Offsets.Length - 1;

    /// <summary>Number of edges E.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>Sources of target <paramref name="t"/> (position in the target list).</summary>
    public ReadOnlySpan<int> Of(int t) => Sources.AsSpan(Offsets[t], Offsets[t + 1] - Offsets[t]);

    /// <summary>All neighbours of each target in <paramref name="csr"/> (row = target), in the CSR's order.</summary>
    public static TargetEdges All(Csr csr, ReadOnlySpan<int> targets)
    {
        var offsets = new int[targets.Length + 1];
        for (var t = 0; t < targets.Length; t++) offsets[t + 1] = offsets[t] + csr.Degree(targets[t]);
        var sources = new int[offsets[^1]];
        for (var t = 0; t < targets.Length; t++) csr.Neighbors(targets[t]).CopyTo(sources.AsSpan(offsets[t]));
        return new TargetEdges(offsets, sources);
    }

    /// <summary>Builds the CSR from one source list per target.</summary>
    public static TargetEdges FromLists(IReadOnlyList<IReadOnlyList<int>> perTarget)
    {
        var offsets = new int[perTarget.Count + 1];
        for (var t = 0; t < perTarget.Count; t++) offsets[t + 1] = offsets[t] + perTarget[t].Count;
        var sources = new int[offsets[^1]];
        for (var t = 0; t < perTarget.Count; t++)
            for (var k = 0; k < perTarget[t].Count; k++) sources[offsets[t] + k] = perTarget[t][k];
        return new TargetEdges(offsets, sources);
    }
}
