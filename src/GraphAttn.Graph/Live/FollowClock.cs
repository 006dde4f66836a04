namespace GraphAttn.Graph.Live;

/// <summary>
/// When each pair's follow state was last set by a live event, for pairs whose edits were folded into the graph: a
/// later event about the pair must beat that time to change it (last writer wins by event time), so a stale unfollow
/// arriving after a compaction cannot undo a newer follow. Pairs never touched by an event have no entry and count as
/// older than any event. Immutable; sorted by pair for binary search; grows with the pairs events touched, not with
/// the events.
/// </summary>
public sealed class FollowClock
{
    private readonly long[] _pairs;
    private readonly long[] _times;
    private readonly ulong[] _ties;

    private FollowClock(long[] pairs, long[] times, ulong[] ties)
    {
        _pairs = pairs;
        _times = times;
        _ties = ties;
    }

    /// <summary>No entries.</summary>
    public static FollowClock Empty { get; } = new([], [], []);

    /// <summary>Pairs with an entry.</summary>
    public int Count => _pairs.Length;

    /// <summary>The time and tie-breaker of the last event that set (<paramref name="follower"/>, <paramref name="followee"/>).</summary>
    public bool TryGet(int follower, int followee, out long timestampMs, out ulong tie)
    {
        int at = Array.BinarySearch(_pairs, Key(follower, followee));
        timestampMs = at >= 0 ? _times[at] : 0;
        tie = at >= 0 ? _ties[at] : 0;
        return at >= 0;
    }

    /// <summary>This clock updated with <paramref name="edits"/> (follower, edit); a pair's newer edit replaces its entry.</summary>
    public FollowClock With(IEnumerable<(int Follower, FollowEdit Edit)> edits)
    {
        var added = edits.Select(e => (Key: Key(e.Follower, e.Edit.Target), e.Edit.TimestampMs, e.Edit.Tie))
            .OrderBy(e => e.Key).ToArray();
        if (added.Length == 0)
        {
            return this;
        }

        var pairs = new List<long>(_pairs.Length + added.Length);
        var times = new List<long>(pairs.Capacity);
        var ties = new List<ulong>(pairs.Capacity);
        int i = 0, j = 0;
        while (i < _pairs.Length || j < added.Length)
        {
            if (j >= added.Length || (i < _pairs.Length && _pairs[i] < added[j].Key))
            {
                pairs.Add(_pairs[i]);
                times.Add(_times[i]);
                ties.Add(_ties[i]);
                i++;
                continue;
            }

            var (key, time, tie) = added[j++];
            if (i < _pairs.Length && _pairs[i] == key)
            {
                var keepOld = _times[i] > time || (_times[i] == time && _ties[i] >= tie);
                (time, tie) = keepOld ? (_times[i], _ties[i]) : (time, tie);
                i++;
            }

            if (pairs.Count > 0 && pairs[^1] == key)
            {
                // Two edits of one pair in the batch: keep the newer.
                if (time > times[^1] || (time == times[^1] && tie > ties[^1]))
                {
                    times[^1] = time;
                    ties[^1] = tie;
                }

                continue;
            }

            pairs.Add(key);
            times.Add(time);
            ties.Add(tie);
        }

        return new FollowClock([.. pairs], [.. times], [.. ties]);
    }

    private static long Key(int follower, int followee) => ((long)follower << 32) | (uint)followee;
}
