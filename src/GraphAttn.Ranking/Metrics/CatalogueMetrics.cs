namespace GraphAttn.Ranking.Metrics;

/// <summary>
/// Metrics over all users' recommendation lists together, as RecBole defines them:
/// ItemCoverage@K = (distinct items in any top-K list) / (catalogue size);
/// AveragePopularity@K = mean over users of the mean training popularity (interaction count) of their top-K items.
/// A high AveragePopularity against a popularity baseline's value shows a bias toward popular items.
/// </summary>
public static class CatalogueMetrics
{
    /// <summary>Share of the catalogue that appears in at least one user's top K.</summary>
    /// <param name="lists">Each user's ranked list (best first); only the first K entries count.</param>
    /// <param name="k">Cut-off K (>= 1).</param>
    /// <param name="catalogueSize">Number of candidate items (> 0).</param>
    public static double ItemCoverage(IEnumerable<int[]> lists, int k, int catalogueSize)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalogueSize, 1);
        var seen = new bool[catalogueSize];
        var distinct = 0;
        foreach (var list in lists)
        {
            var n = Math.Min(k, list.Length);
            for (var i = 0; i < n; i++)
            {
                if (!seen[list[i]])
                {
                    seen[list[i]] = true;
                    distinct++;
                }
            }
        }
        return distinct / (double)catalogueSize;
    }

    /// <summary>Mean over users of (sum of item popularity in the top K) / K.</summary>
    /// <param name="lists">Each user's ranked list (best first).</param>
    /// <param name="k">Cut-off K (>= 1); the divisor, as in RecBole, even when a list is shorter.</param>
    /// <param name="popularity">Training interaction count per item.</param>
    public static double AveragePopularity(IEnumerable<int[]> lists, int k, ReadOnlySpan<int> popularity)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var total = 0.0;
        var users = 0;
        foreach (var list in lists)
        {
            var n = Math.Min(k, list.Length);
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += popularity[list[i]];
            }
            total += sum / k;
            users++;
        }
        return users == 0 ? 0.0 : total / users;
    }
}
