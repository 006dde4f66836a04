namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The item–item matrix of <see cref="GraphFilter"/>'s linear part, S = R̃ᵀR̃, kept to each item's <see cref="Keep"/>
/// largest entries: S_ij = d_i^{-1/2} d_j^{-1/2} Σ_v 1/d_v over the users v holding both i and j (S_ii included). A
/// user's filter scores are then Σ over the user's items i of row S_i, O(items × keep) per user, where the exact walk
/// visits every co-interacting user and all their items (on the demo graph most of the catalogue, for every request).
/// Built once per graph in O(Σ_v d_v²), items in parallel; deterministic (ties keep the lower item index).
/// Shapes: CSR, offsets [C + 1], neighbours and weights [entries], each row sorted by weight, best first.
/// </summary>
public sealed class TruncatedItemFilter
{
    private readonly int[] offsets;
    private readonly int[] neighbors;
    private readonly float[] weights;

    private TruncatedItemFilter(int keep, int[] offsets, int[] neighbors, float[] weights)
    {
        Keep = keep;
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.weights = weights;
    }

    /// <summary>Largest entries kept per item.</summary>
    public int Keep { get; }

    /// <summary>Number of items C.</summary>
    public int ColumnCount => offsets.Length - 1;

    /// <summary>Entries kept in all.</summary>
    public int EntryCount => neighbors.Length;

    /// <summary>Item <paramref name="item"/>'s kept neighbours j (itself included), by S_ij descending.</summary>
    public ReadOnlySpan<int> Neighbors(int item) => neighbors.AsSpan(offsets[item], offsets[item + 1] - offsets[item]);

    /// <summary>The S_ij of <see cref="Neighbors"/>, in the same order.</summary>
    public ReadOnlySpan<float> Weights(int item) => weights.AsSpan(offsets[item], offsets[item + 1] - offsets[item]);

    /// <summary>Entries kept in all for <paramref name="items"/> (those outside the filter count 0).</summary>
    public long RowLengths(ReadOnlySpan<int> items)
    {
        var total = 0L;
        foreach (var i in items)
            if ((uint)i < (uint)ColumnCount) total += offsets[i + 1] - offsets[i];
        return total;
    }

    /// <summary>Keeps the <paramref name="keep"/> largest entries of each row of <paramref name="filter"/>'s S.</summary>
    public static TruncatedItemFilter Build(GraphFilter filter, int keep)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var items = filter.ColumnCount;
        var rowsOf = new int[items][];
        var weightsOf = new float[items][];
        // One scratch per worker: a dense accumulator kept zeroed between items, the items it touched, sort keys.
        Parallel.For(0, items, () => new Scratch(items), (i, _, scratch) =>
        {
            (rowsOf[i], weightsOf[i]) = Row(filter, i, keep, scratch);
            return scratch;
        }, _ => { });

        var offsets = new int[items + 1];
        for (var i = 0; i < items; i++) offsets[i + 1] = offsets[i] + rowsOf[i].Length;
        var neighbors = new int[offsets[items]];
        var weights = new float[offsets[items]];
        for (var i = 0; i < items; i++)
        {
            rowsOf[i].CopyTo(neighbors, offsets[i]);
            weightsOf[i].CopyTo(weights, offsets[i]);
        }
        return new TruncatedItemFilter(keep, offsets, neighbors, weights);
    }

    /// <summary>
    /// Adds Σ_{i ∈ <paramref name="items"/>} S_i into <paramref name="scores"/> (length ≥ C), listing each index it
    /// makes non-zero for the first time in <paramref name="touched"/> from <paramref name="count"/> on. Scores must be
    /// non-negative on entry (every weight is positive, so a zero entry means "not touched yet"). Items outside the
    /// filter (content added since it was built) contribute nothing.
    /// </summary>
    public void Accumulate(ReadOnlySpan<int> items, Span<float> scores, Span<int> touched, ref int count)
    {
        foreach (var i in items)
        {
            if ((uint)i >= (uint)ColumnCount) continue;
            var row = Neighbors(i);
            var w = Weights(i);
            for (var k = 0; k < row.Length; k++)
            {
                var j = row[k];
                if (scores[j] == 0f) touched[count++] = j;
                scores[j] += w[k];
            }
        }
    }

    /// <summary>Adds Σ_{i ∈ <paramref name="items"/>} S_i into <paramref name="scores"/> (length ≥ C), listing nothing.</summary>
    public void Add(ReadOnlySpan<int> items, Span<float> scores)
    {
        foreach (var i in items)
        {
            if ((uint)i >= (uint)ColumnCount) continue;
            var row = Neighbors(i);
            var w = Weights(i);
            for (var k = 0; k < row.Length; k++) scores[row[k]] += w[k];
        }
    }

    private static (int[] Neighbors, float[] Weights) Row(GraphFilter filter, int item, int keep, Scratch s)
    {
        var n = 0;
        foreach (var v in filter.ColumnRows(item))
        {
            var share = 1f / filter.RowDegree(v);
            foreach (var j in filter.RowColumns(v))
            {
                if (s.Sum[j] == 0f) s.Touched[n++] = j;
                s.Sum[j] += share;
            }
        }
        // Weight descending, then item ascending: for positive floats the bit pattern orders like the value.
        for (var t = 0; t < n; t++)
        {
            var j = s.Touched[t];
            var weight = filter.ColumnScale(item) * filter.ColumnScale(j) * s.Sum[j];
            s.Keys[t] = ((long)(int.MaxValue - BitConverter.SingleToInt32Bits(weight)) << 32) | (uint)j;
            s.Sum[j] = 0f;
        }
        var keys = s.Keys.AsSpan(0, n);
        keys.Sort();
        var kept = Math.Min(keep, n);
        var neighbors = new int[kept];
        var weights = new float[kept];
        for (var t = 0; t < kept; t++)
        {
            neighbors[t] = (int)(uint)keys[t];
            weights[t] = BitConverter.Int32BitsToSingle(int.MaxValue - (int)(keys[t] >> 32));
        }
        return (neighbors, weights);
    }

    private sealed class Scratch(int items)
    {
        public readonly float[] Sum = new float[items];
        public readonly int[] Touched = new int[items];
        public readonly long[] Keys = new long[items];
    }
}
