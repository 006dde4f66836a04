namespace GraphAttn.Model.Modeling;

/// <summary>
/// Which interactions make a user's history window, and in what order: newest first by timestamp; among equal
/// timestamps the larger weight first, then the later one in the log. Datasets without dates give many interactions
/// one timestamp (every Last.fm play is dated at the user's first tag), and there the window holds the user's
/// heaviest interactions (most-played artists) instead of whichever the file listed last. Training rows
/// (<see cref="HistoryBatch"/>) and request-time rows (the inductive embedder) both order through here.
/// </summary>
public static class HistoryOrder
{
    /// <summary>
    /// Positions (indices into the spans) of the newest <paramref name="take"/> interactions, newest first.
    /// </summary>
    /// <param name="timestamps">Timestamps, in log order.</param>
    /// <param name="weights">Weights, in log order (same length).</param>
    /// <param name="take">Window length L.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static int[] NewestFirst(ReadOnlySpan<long> timestamps, ReadOnlySpan<float> weights, int take)
    {
        if (timestamps.Length != weights.Length) throw new ArgumentException("timestamps and weights differ in length");
        var order = new int[timestamps.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var (ts, w) = (timestamps.ToArray(), weights.ToArray());
        Array.Sort(order, (a, b) =>
            ts[a] != ts[b] ? ts[b].CompareTo(ts[a]) : w[a] != w[b] ? w[b].CompareTo(w[a]) : b.CompareTo(a));
        return order.Length <= take ? order : order[..take];
    }
}
