using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// RecBole's random split by ratio, grouped by user ("RS" with group_by user): each user's distinct items are
/// shuffled and cut into train / validation / test. Validation and test get floor(ratio x n) items; train gets
/// the rest; then, while train keeps more than one item, a part whose ratio x n lies in (0, 1) gets one item from
/// train (test first), so small users still get held-out items as in RecBole.
/// </summary>
public static class RandomRatioSplitter
{
    /// <summary>Splits <paramref name="events"/> per user.</summary>
    /// <param name="events">Distinct (user, item) pairs.</param>
    /// <param name="users">Number of users (rows).</param>
    /// <param name="items">Number of items (columns).</param>
    /// <param name="ratios">Train, validation, test ratios; default 0.8, 0.1, 0.1.</param>
    /// <param name="seed">Shuffle seed; default 2026.</param>
    /// <returns>(validation, test) matrices; train is everything else.</returns>
    public static (SparseBinaryMatrix Valid, SparseBinaryMatrix Test) Split(
        IEnumerable<UserItemEvent> events, int users, int items, double[]? ratios = null, int seed = SplitDefaults.Seed)
    {
        ratios ??= SplitDefaults.RandomRatios;
        if (ratios.Length != 3 || ratios.Any(r => r < 0) || Math.Abs(ratios.Sum() - 1) > 1e-6)
        {
            throw new ArgumentException($"Ratios must be three non-negative numbers summing to 1 (got {string.Join(":", ratios)}).");
        }
        var perUser = SplitSupport.GroupItems(events, users);
        var rng = new Random(seed);
        var valid = new List<(int, int)>();
        var test = new List<(int, int)>();
        for (var u = 0; u < users; u++)
        {
            var list = perUser[u];
            if (list is null)
            {
                continue;
            }
            list.Sort();
            rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
            var counts = Counts(list.Count, ratios);
            for (var i = counts[0]; i < counts[0] + counts[1]; i++)
            {
                valid.Add((u, list[i]));
            }
            for (var i = counts[0] + counts[1]; i < list.Count; i++)
            {
                test.Add((u, list[i]));
            }
        }
        return (SparseBinaryMatrix.FromPairs(users, items, valid), SparseBinaryMatrix.FromPairs(users, items, test));
    }

    /// <summary>Part sizes for <paramref name="total"/> items, following RecBole's rounding rule.</summary>
    internal static int[] Counts(int total, double[] ratios)
    {
        var counts = ratios.Select(r => (int)(r * total)).ToArray();
        counts[0] = total - counts.Skip(1).Sum();
        for (var i = 1; i < ratios.Length; i++)
        {
            if (counts[0] <= 1)
            {
                break;
            }
            var share = ratios[^i] * total;
            if (share > 0 && share < 1)
            {
                counts[^i]++;
                counts[0]--;
            }
        }
        return counts;
    }
}
