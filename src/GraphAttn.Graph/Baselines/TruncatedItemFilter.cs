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
    // Background compactions rebuild the rows while the server answers: one core stays with the requests (a flood
    // benchmark's client once saw its connections reset while a rebuild held every core).
    private static readonly ParallelOptions LeaveACore = new() { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };

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

    /// <summary>
    /// Keeps the <paramref name="keep"/> largest entries of each row of <paramref name="filter"/>'s S, or fewer — the
    /// same number for every item — when that many would exceed <paramref name="maxEntries"/> in all.
    /// </summary>
    public static TruncatedItemFilter Build(GraphFilter filter, int keep, long maxEntries = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        var items = filter.ColumnCount;
        if ((long)keep * items > maxEntries) keep = WithinBudget(RowLengths(filter), keep, maxEntries);
        var rowsOf = new int[items][];
        var weightsOf = new float[items][];
        // One scratch per worker: a dense accumulator kept zeroed between items, the items it touched, sort keys.
        Parallel.For(0, items, LeaveACore, () => new Scratch(items), (i, _, scratch) =>
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

    // Non-zero entries of each row of S, counted without weighing or sorting them.
    private static int[] RowLengths(GraphFilter filter)
    {
        var lengths = new int[filter.ColumnCount];
        Parallel.For(0, lengths.Length, LeaveACore, () => new Scratch(lengths.Length), (i, _, s) =>
        {
            var n = Touch(filter, i, s);
            for (var t = 0; t < n; t++) s.Sum[s.Touched[t]] = 0f;
            lengths[i] = n;
            return s;
        }, _ => { });
        return lengths;
    }

    // The largest k ≤ keep with Σ_i min(length_i, k) ≤ maxEntries (at least 1).
    private static int WithinBudget(int[] lengths, int keep, long maxEntries)
    {
        long Entries(int k) => lengths.Sum(l => (long)Math.Min(l, k));
        int low = 1, high = keep;
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            if (Entries(mid) <= maxEntries) low = mid;
            else high = mid - 1;
        }
        return low;
    }

    // Σ over item's users v of 1/d_v into s.Sum for every item j they hold, listed in s.Touched; returns how many.
    private static int Touch(GraphFilter filter, int item, Scratch s)
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
        return n;
    }

    private static (int[] Neighbors, float[] Weights) Row(GraphFilter filter, int item, int keep, Scratch s)
    {
        var n = Touch(filter, item, s);
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
