using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Draws content that already exists at a given time, in proportion to appeal: within one topic, or over the whole
/// catalog. Half of the draws look only at the last <see cref="FreshWindowMs"/>, which gives interactions recency.
/// </summary>
/// <remarks>
/// The replay asks in time order, so the bounds "created at or before now" and "created within the fresh window"
/// only move forward: they are kept as per-topic cursors instead of being searched for on every draw.
/// </remarks>
internal sealed class ContentSampler
{
    public const long FreshWindowMs = 14 * 86_400_000L;
    private const double FreshShare = 0.5;

    private readonly Catalog _catalog;
    private readonly int[] _existingEnd;
    private readonly int[] _freshStart;
    private int _catalogEnd;
    private long _lastTime = long.MinValue;

    public ContentSampler(Catalog catalog)
    {
        _catalog = catalog;
        _existingEnd = catalog.TopicOffsets[..^1];
        _freshStart = catalog.TopicOffsets[..^1];
    }

    /// <summary>A content of <paramref name="topic"/> created at or before <paramref name="time"/>, or -1 if none.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="time"/> is earlier than a previous call's.</exception>
    public int FromTopic(int topic, long time, SeedRandom random)
    {
        MoveClock(time);
        var lo = _catalog.TopicOffsets[topic];
        var hi = _catalog.TopicOffsets[topic + 1];
        var members = _catalog.TopicContents;
        var created = _catalog.CreatedAt;
        ref var end = ref _existingEnd[topic];
        while (end < hi && created[members[end]] <= time) end++;
        if (end == lo) return -1;
        var start = lo;
        if (random.Chance(FreshShare))
        {
            ref var fresh = ref _freshStart[topic];
            while (fresh < end && created[members[fresh]] < time - FreshWindowMs) fresh++;
            if (fresh < end) start = fresh;
        }
        return members[Pick(_catalog.TopicCumulativeAppeal, lo, start, end, random)];
    }

    /// <summary>Any content created at or before <paramref name="time"/>, or -1 if none.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="time"/> is earlier than a previous call's.</exception>
    public int FromCatalog(long time, SeedRandom random)
    {
        MoveClock(time);
        while (_catalogEnd < _catalog.Count && _catalog.CreatedAt[_catalogEnd] <= time) _catalogEnd++;
        return _catalogEnd == 0 ? -1 : Pick(_catalog.CumulativeAppeal, 0, 0, _catalogEnd, random);
    }

    private void MoveClock(long time)
    {
        if (time < _lastTime) throw new InvalidOperationException($"Draw at {time} after a draw at {_lastTime}: the replay must go forward in time.");
        _lastTime = time;
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
}
