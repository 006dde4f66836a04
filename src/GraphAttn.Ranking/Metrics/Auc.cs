namespace GraphAttn.Ranking.Metrics;

/// <summary>
/// Area under the ROC curve between the scores of positives (held-out edges) and negatives (sampled non-edges):
/// the probability that a random positive outscores a random negative, ties counting one half (Mann-Whitney U).
/// 1 = every positive above every negative, 0.5 = no better than chance, 0 = always below.
/// </summary>
public static class Auc
{
    /// <summary>Computes the AUC over all positive x negative pairs in O((P+N) log(P+N)).</summary>
    /// <exception cref="ArgumentException">When either side is empty or holds NaN.</exception>
    public static double Compute(ReadOnlySpan<float> positives, ReadOnlySpan<float> negatives)
    {
        if (positives.IsEmpty || negatives.IsEmpty)
        {
            throw new ArgumentException(
                $"AUC needs at least one positive and one negative (got {positives.Length} and {negatives.Length}).");
        }
        var sortedNegatives = negatives.ToArray();
        if (sortedNegatives.Any(float.IsNaN) || positives.ToArray().Any(float.IsNaN))
        {
            throw new ArgumentException("AUC scores must not be NaN.");
        }
        Array.Sort(sortedNegatives);
        var wins = 0.0;
        foreach (var p in positives)
        {
            var below = LowerBound(sortedNegatives, p);
            var notAbove = UpperBound(sortedNegatives, p);
            wins += below + (0.5 * (notAbove - below));
        }
        return wins / ((double)positives.Length * negatives.Length);
    }

    /// <summary>Number of elements strictly below <paramref name="value"/>.</summary>
    private static int LowerBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }

    /// <summary>Number of elements at or below <paramref name="value"/>.</summary>
    private static int UpperBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) { lo = mid + 1; } else { hi = mid; }
        }
        return lo;
    }
}
