namespace GraphAttn.Model.Attention;

/// <summary>
/// The edges one graph-attention layer attends over, sorted by target (CSR), plus the reverse grouping by source that
/// the fused backward pass uses to gather gradients without write conflicts. Edge ids are positions in target order.
/// Duplicate edges are kept (each is attended separately, as in PyG).
/// </summary>
public sealed class GatEdges
{
    private GatEdges(int sourceCount, int targetCount, int[] targetOffsets, int[] sources)
    {
        SourceCount = sourceCount;
        TargetCount = targetCount;
        TargetOffsets = targetOffsets;
        Sources = sources;
        EdgeTargets = new int[sources.Length];
        for (var t = 0; t < targetCount; t++)
            EdgeTargets.AsSpan(targetOffsets[t], targetOffsets[t + 1] - targetOffsets[t]).Fill(t);
        SourceOffsets = new int[sourceCount + 1];
        foreach (var s in sources) SourceOffsets[s + 1]++;
        for (var s = 0; s < sourceCount; s++) SourceOffsets[s + 1] += SourceOffsets[s];
        SourceEdgeIds = new int[sources.Length];
        var cursor = SourceOffsets[..^1];
        for (var e = 0; e < sources.Length; e++) SourceEdgeIds[cursor[sources[e]]++] = e;
        SourceTargets = new int[sources.Length];
        EdgeSourcePositions = new int[sources.Length];
        for (var j = 0; j < sources.Length; j++)
        {
            SourceTargets[j] = EdgeTargets[SourceEdgeIds[j]];
            EdgeSourcePositions[SourceEdgeIds[j]] = j;
        }
    }

    /// <summary>Number of source nodes (rows of the source features).</summary>
    public int SourceCount { get; }

    /// <summary>Number of target nodes (rows of the output).</summary>
    public int TargetCount { get; }

    /// <summary>Number of edges E, self-loops included.</summary>
    public int EdgeCount => Sources.Length;

    /// <summary>[TargetCount + 1]: edges of target t are ids TargetOffsets[t] .. TargetOffsets[t+1]-1.</summary>
    public int[] TargetOffsets { get; }

    /// <summary>[E]: source node of each edge, in target order.</summary>
    public int[] Sources { get; }

    /// <summary>[E]: target node of each edge.</summary>
    public int[] EdgeTargets { get; }

    /// <summary>[SourceCount + 1]: offsets into <see cref="SourceEdgeIds"/>.</summary>
    public int[] SourceOffsets { get; }

    /// <summary>[E]: edge ids grouped by source node.</summary>
    public int[] SourceEdgeIds { get; }

    /// <summary>[E]: target of the j-th edge in source order (EdgeTargets[SourceEdgeIds[j]]).</summary>
    public int[] SourceTargets { get; }

    /// <summary>[E]: position of each edge (target order) in source order.</summary>
    public int[] EdgeSourcePositions { get; }

    /// <summary>
    /// Builds edges from (source, target) pairs. With <paramref name="addSelfLoops"/> (homogeneous graphs only) existing
    /// self-loops are dropped and exactly one per node is added, as PyG's GATConv does.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an index is out of range, or self-loops on a bipartite graph.</exception>
    public static GatEdges FromPairs(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int sourceCount, int targetCount,
        bool addSelfLoops)
    {
        if (sources.Length != targets.Length)
            throw new ArgumentException($"sources ({sources.Length}) and targets ({targets.Length}) differ in length");
        if (addSelfLoops && sourceCount != targetCount)
            throw new ArgumentException($"self-loops need as many sources ({sourceCount}) as targets ({targetCount})");
        var offsets = new int[targetCount + 1];
        for (var e = 0; e < sources.Length; e++)
        {
            if ((uint)sources[e] >= (uint)sourceCount || (uint)targets[e] >= (uint)targetCount)
                throw new ArgumentException($"edge {e} ({sources[e]} -> {targets[e]}) is out of range {sourceCount} x {targetCount}");
            if (!(addSelfLoops && sources[e] == targets[e])) offsets[targets[e] + 1]++;
        }
        if (addSelfLoops)
            for (var t = 0; t < targetCount; t++) offsets[t + 1]++;
        for (var t = 0; t < targetCount; t++) offsets[t + 1] += offsets[t];
        var sorted = new int[offsets[targetCount]];
        var cursor = offsets[..^1];
        if (addSelfLoops)
            for (var t = 0; t < targetCount; t++) sorted[cursor[t]++] = t;
        for (var e = 0; e < sources.Length; e++)
            if (!(addSelfLoops && sources[e] == targets[e])) sorted[cursor[targets[e]]++] = sources[e];
        return new GatEdges(sourceCount, targetCount, offsets, sorted);
    }
}
