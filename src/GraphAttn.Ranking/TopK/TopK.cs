namespace GraphAttn.Ranking;

/// <summary>
/// Top-K selection over a dense score array (one score per candidate) through a <see cref="TopKHeap"/>. Candidates
/// scored <see cref="Excluded"/> or NaN are never selected, which is how callers exclude seen items, the user itself
/// and existing friends. Ties go to the lower index, so rankings are reproducible.
/// </summary>
public static class TopK
{
    /// <summary>The score that marks a candidate as excluded from ranking.</summary>
    public const float Excluded = float.NegativeInfinity;

    /// <summary>
    /// The <paramref name="k"/> best candidates, best first (fewer when fewer remain). Indices for which
    /// <paramref name="skip"/> returns true are never returned.
    /// </summary>
    public static ScoredIndex[] Select(ReadOnlySpan<float> scores, int k, Func<int, bool>? skip = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var heap = new TopKHeap(k);
        for (int i = 0; i < scores.Length; i++)
        {
            if (skip is null || !skip(i))
            {
                heap.Add(scores[i], i);
            }
        }

        return heap.DrainBestFirst();
    }

    /// <summary>
    /// Writes the indices of the (up to) K best candidates into <paramref name="result"/>, best first, K being its
    /// length; returns how many were written.
    /// </summary>
    public static int Select(ReadOnlySpan<float> scores, Span<int> result)
    {
        var heap = new TopKHeap(result.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            heap.Add(scores[i], i);
        }

        return heap.DrainBestFirst(result);
    }
}
