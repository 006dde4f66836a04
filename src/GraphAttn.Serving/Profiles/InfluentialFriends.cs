using GraphAttn.Graph;

namespace GraphAttn.Serving.Profiles;

/// <summary>
/// Baseline influence: for each followed user f, the share of <c>u</c>'s interactions with an item that f had
/// interacted with earlier. It reads "how much of what you do, your friends did first".
/// </summary>
public static class InfluentialFriends
{
    /// <summary>Followed users with a positive share, strongest first (ties by index).</summary>
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

    private static Dictionary<int, long> FirstTimes(InteractionLog log, int user)
    {
        var first = new Dictionary<int, long>();
        var range = log.Range(user);
        for (var i = range.Start.Value; i < range.End.Value; i++) first.TryAdd(log.Content[i], log.Timestamps[i]);
        return first;
    }
}
