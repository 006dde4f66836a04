namespace GraphAttn.Graph.Loading.LastFm;

/// <summary>
/// Reads user_taggedartists.dat (userID, artistID, tagID, day, month, year): adds artist TAGGED tag edges to the
/// builder and remembers the first tag date per (user, artist) and per user, which date the otherwise undated plays.
/// </summary>
internal sealed class LastFmTagDates
{
    private readonly Dictionary<(long User, long Artist), long> _pair = [];
    private readonly Dictionary<long, long> _user = [];

    /// <summary>Epoch ms of a play: the pair's first tag date, else the user's first tag date, else 0.</summary>
    public long PlayTime(long user, long artist) =>
        _pair.TryGetValue((user, artist), out var t) ? t : _user.GetValueOrDefault(user);

    public static LastFmTagDates Read(
        List<TabFile.Row> rows, GraphBuilder b, HashSet<long> artists, ImportReport report, CancellationToken ct)
    {
        var dates = new LastFmTagDates();
        var edges = new HashSet<(long, long)>();
        foreach (var r in rows)
        {
            ct.ThrowIfCancellationRequested();
            long user = LastFmSource.Id(r, 0, "userID"), artist = LastFmSource.Id(r, 1, "artistID");
            var tag = LastFmSource.Id(r, 2, "tagID");
            var ms = Date(r);
            if (!artists.Contains(artist))
            {
                report.Skip("tag assignments of an artist missing from artists.dat");
                continue;
            }
            if (edges.Add((artist, tag))) LastFmSource.Guard(r, () => b.AddTagged("a" + artist, "t" + tag));
            Earliest(dates._pair, (user, artist), ms);
            Earliest(dates._user, user, ms);
        }
        return dates;
    }

    private static long Date(TabFile.Row r)
    {
        int day = (int)r.Long(3, "day"), month = (int)r.Long(4, "month"), year = (int)r.Long(5, "year");
        try
        {
            return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw r.Error($"date {day}/{month}/{year} (day/month/year) is not a valid date");
        }
    }

    private static void Earliest<TKey>(Dictionary<TKey, long> map, TKey key, long ms) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var old) || ms < old) map[key] = ms;
    }
}
