using GraphAttn.Graph;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Baseline influence: for each followed user f, the share of <c>u</c>'s interactions with an item that f had
/// interacted with earlier. It reads "how much of what you do, your friends did first".
/// </summary>
public static class InfluentialFriends
{
    /// <summary>Followed users with a positive share, strongest first (ties by index). The reference for <see cref="Top"/>.</summary>
    public static IEnumerable<(int User, float Weight)> Of(SocialGraph g, int user)
    {
        var log = g.Interactions;
        var history = log.Range(user);
        var n = log.CountOf(user);
        if (n == 0) return [];
        var result = new List<(int, float)>();
        foreach (var f in g.Following.Neighbors(user))
        {
            var first = FirstTimes(log, f);
            var hits = 0;
            for (var i = history.Start.Value; i < history.End.Value; i++)
                if (first.TryGetValue(log.Content[i], out var t) && t < log.Timestamps[i]) hits++;
            if (hits > 0) result.Add((f, (float)hits / n));
        }
        return result.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1);
    }

    /// <summary>
    /// The first <paramref name="max"/> of <see cref="Of"/>, computed by merging the user's and each followee's
    /// histories in content order (<paramref name="byContent"/>) instead of building a dictionary per followee.
    /// </summary>
    public static List<(int User, float Weight)> Top(SocialGraph g, HistoryByContent byContent, int user, int max)
    {
        var log = g.Interactions;
        var n = log.CountOf(user);
        var result = new List<(int User, float Weight)>();
        if (n == 0) return result;
        var mine = byContent.Of(user);
        foreach (var f in g.Following.Neighbors(user))
        {
            var hits = Hits(log, mine, byContent.Of(f));
            if (hits > 0) result.Add((f, (float)hits / n));
        }
        result.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.User.CompareTo(b.User));
        if (result.Count > max) result.RemoveRange(max, result.Count - max);
        return result;
    }

    // Interactions of mine whose content theirs reached strictly earlier; both sorted by (content, time).
    private static int Hits(InteractionLog log, ReadOnlySpan<int> mine, ReadOnlySpan<int> theirs)
    {
        int hits = 0, j = 0;
        foreach (var i in mine)
        {
            var content = log.Content[i];
            while (j < theirs.Length && log.Content[theirs[j]] < content) j++;
            // theirs[j] is then their first (earliest) interaction with this content, if any.
            if (j < theirs.Length && log.Content[theirs[j]] == content && log.Timestamps[theirs[j]] < log.Timestamps[i]) hits++;
        }
        return hits;
    }

    private static Dictionary<int, long> FirstTimes(InteractionLog log, int user)
    {
        var first = new Dictionary<int, long>();
        var range = log.Range(user);
        for (var i = range.Start.Value; i < range.End.Value; i++) first.TryAdd(log.Content[i], log.Timestamps[i]);
        return first;
    }
}
