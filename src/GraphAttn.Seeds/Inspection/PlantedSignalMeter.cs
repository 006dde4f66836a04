using GraphAttn.Graph;

namespace GraphAttn.Seeds.Inspection;

/// <summary>Measures <see cref="PlantedSignals"/> on a loaded graph and its planted truth.</summary>
public static class PlantedSignalMeter
{
    /// <summary>Measures every signal; O(interactions x mean follows) for the social one.</summary>
    public static PlantedSignals Measure(SocialGraph graph, PlantedTruth truth)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(truth);
        var n = graph.UserCount;

        long within = 0;
        for (var u = 0; u < n; u++)
            foreach (var v in graph.Following.Neighbors(u))
                if (truth.Community[u] == truth.Community[v]) within++;
        var random = truth.Community.GroupBy(c => c).Sum(g => Math.Pow(g.Count() / (double)n, 2));

        return new PlantedSignals(
            Share(within, graph.FollowCount),
            random,
            InterestMatch(graph, truth, u => u),
            InterestMatch(graph, truth, u => (u + n / 2 + 1) % n),
            FolloweeEarlier(graph),
            TopPercentShare(Enumerable.Range(0, n).Select(graph.Followers.Degree), graph.FollowCount),
            TopPercentShare(ContentCounts(graph), graph.InteractionCount));
    }

    private static double InterestMatch(SocialGraph graph, PlantedTruth truth, Func<int, int> interestsOf)
    {
        long hits = 0;
        for (var u = 0; u < graph.UserCount; u++)
        {
            var interests = truth.Interests[interestsOf(u)];
            foreach (var c in graph.Interactions.ContentOf(u))
            {
                foreach (var t in graph.ContentTopics.Neighbors(c))
                {
                    if (!interests.Contains(t)) continue;
                    hits++;
                    break;
                }
            }
        }
        return Share(hits, graph.InteractionCount);
    }

    private static double FolloweeEarlier(SocialGraph graph)
    {
        // First time each user touched each content, aligned with the sorted rows of ContentUsers; histories are
        // time-ordered, so the first sighting is the earliest.
        var users = graph.ContentUsers;
        var firstTime = new long[users.EdgeCount];
        Array.Fill(firstTime, long.MaxValue);
        var log = graph.Interactions;
        for (var u = 0; u < graph.UserCount; u++)
        {
            var contents = log.ContentOf(u);
            var times = log.TimestampsOf(u);
            for (var i = 0; i < contents.Length; i++)
            {
                var slot = users.Offsets[contents[i]] + users.Neighbors(contents[i]).BinarySearch(u);
                firstTime[slot] = Math.Min(firstTime[slot], times[i]);
            }
        }

        long hits = 0;
        for (var u = 0; u < graph.UserCount; u++)
        {
            var contents = log.ContentOf(u);
            var times = log.TimestampsOf(u);
            var followees = graph.Following.Neighbors(u);
            for (var i = 0; i < contents.Length; i++)
            {
                var row = users.Neighbors(contents[i]);
                foreach (var f in followees)
                {
                    var k = row.BinarySearch(f);
                    if (k < 0 || firstTime[users.Offsets[contents[i]] + k] >= times[i]) continue;
                    hits++;
                    break;
                }
            }
        }
        return Share(hits, graph.InteractionCount);
    }

    private static IEnumerable<int> ContentCounts(SocialGraph graph)
    {
        var counts = new int[graph.ContentCount];
        foreach (var c in graph.Interactions.Content) counts[c]++;
        return counts;
    }

    private static double TopPercentShare(IEnumerable<int> counts, long total)
    {
        var sorted = counts.OrderDescending().ToArray();
        return Share(sorted.Take(Math.Max(1, sorted.Length / 100)).Sum(c => (long)c), total);
    }

    private static double Share(long part, long total) => total == 0 ? 0 : part / (double)total;
}
