using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Draws content that already exists at a given time, in proportion to appeal: within one topic, or over the whole
/// catalog. Half of the draws look only at the last <see cref="FreshWindowMs"/>, which gives interactions recency.
/// </summary>
internal sealed class ContentSampler(Catalog catalog)
{
    public const long FreshWindowMs = 14 * 86_400_000L;
    private const double FreshShare = 0.5;

    /// <summary>A content of <paramref name="topic"/> created at or before <paramref name="time"/>, or -1 if none.</summary>
    public int FromTopic(int topic, long time, SeedRandom random)
    {
        var lo = catalog.TopicOffsets[topic];
        var hi = catalog.TopicOffsets[topic + 1];
        var members = catalog.TopicContents;
        var end = FirstCreatedAfter(members, lo, hi, time);
        if (end == lo) return -1;
        var start = lo;
        if (random.Chance(FreshShare))
        {
            var fresh = FirstCreatedAfter(members, lo, end, time - FreshWindowMs - 1);
            if (fresh < end) start = fresh;
        }
        return members[Pick(catalog.TopicCumulativeAppeal, lo, start, end, random)];
    }

    /// <summary>Any content created at or before <paramref name="time"/>, or -1 if none.</summary>
    public int FromCatalog(long time, SeedRandom random)
    {
        var end = FirstCreatedAfter(null, 0, catalog.Count, time);
        return end == 0 ? -1 : Pick(catalog.CumulativeAppeal, 0, 0, end, random);
    }

    /// <summary>Index in [start, end) drawn by appeal, from a running sum that restarts at <paramref name="segment"/>.</summary>
    private static int Pick(double[] cumulative, int segment, int start, int end, SeedRandom random)
    {
        var below = start > segment ? cumulative[start - 1] : 0.0;
        var r = below + random.NextDouble() * (cumulative[end - 1] - below);
        int a = start, b = end - 1;
        while (a < b)
        {
            var mid = (a + b) >>> 1;
            if (cumulative[mid] > r) b = mid; else a = mid + 1;
        }
        return a;
    }

    /// <summary>
    /// First index in [lo, hi) whose content was created after <paramref name="time"/>; indices go through
    /// <paramref name="members"/> when given, else they are content indices (creation times ascend either way).
    /// </summary>
    private int FirstCreatedAfter(int[]? members, int lo, int hi, long time)
    {
        var created = catalog.CreatedAt;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (created[members is null ? mid : members[mid]] > time) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
