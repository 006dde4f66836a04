namespace GraphAttn.Graph;

/// <summary>
/// Compressed sparse rows: the neighbours of node <c>i</c> are <c>Targets[Offsets[i]..Offsets[i+1]]</c>.
/// Immutable once built; neighbour lists are sorted ascending and free of duplicates.
/// </summary>
public sealed class Csr
{
    /// <summary>Row starts, length <c>NodeCount + 1</c>.</summary>
    public int[] Offsets { get; }

    /// <summary>Neighbour indices, length <c>EdgeCount</c>.</summary>
    public int[] Targets { get; }

    /// <summary>Wraps prepared arrays (no copy). Validates shape.</summary>
    public Csr(int[] offsets, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != targets.Length)
            throw new ArgumentException($"Offsets must start at 0 and end at {targets.Length}.", nameof(offsets));
        Offsets = offsets;
        Targets = targets;
    }

    /// <summary>Number of rows.</summary>
    public int NodeCount => Offsets.Length - 1;

    /// <summary>Number of stored edges.</summary>
    public int EdgeCount => Targets.Length;

    /// <summary>Neighbours of <paramref name="node"/>, sorted ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>Out-degree of <paramref name="node"/>.</summary>
    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>True when the edge <paramref name="from"/> → <paramref name="to"/> exists (binary search).</summary>
    public bool Contains(int from, int to) => Neighbors(from).BinarySearch(to) >= 0;

    /// <summary>
    /// Builds a CSR from an edge list: sorts each row and drops duplicate edges.
    /// Counting sort by source keeps this O(E + N) plus the per-row sorts.
    /// </summary>
    public static Csr FromEdges(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        if (sources.Length != targets.Length) throw new ArgumentException("sources and targets differ in length.");
        var counts = new int[nodeCount + 1];
        foreach (var s in sources) counts[s + 1]++;
        for (var i = 0; i < nodeCount; i++) counts[i + 1] += counts[i];
        var cursor = counts.AsSpan(0, nodeCount).ToArray();
        var buffer = new int[sources.Length];
        for (var e = 0; e < sources.Length; e++) buffer[cursor[sources[e]]++] = targets[e];

        // Sort and deduplicate each row in place, compacting as we go.
        var offsets = new int[nodeCount + 1];
        var write = 0;
        for (var n = 0; n < nodeCount; n++)
        {
            var row = buffer.AsSpan(counts[n], counts[n + 1] - counts[n]);
            row.Sort();
            offsets[n] = write;
            for (var k = 0; k < row.Length; k++)
                if (k == 0 || row[k] != row[k - 1]) buffer[write++] = row[k];
        }
        offsets[nodeCount] = write;
        return new Csr(offsets, write == buffer.Length ? buffer : buffer[..write]);
    }

    /// <summary>The reverse graph: edge a → b becomes b → a.</summary>
    public Csr Transpose(int targetCount)
    {
        var sources = new int[EdgeCount];
        for (var n = 0; n < NodeCount; n++)
            for (var e = Offsets[n]; e < Offsets[n + 1]; e++) sources[e] = n;
        return FromEdges(targetCount, Targets, sources);
    }
}
