using GraphAttn.Graph.Splits;

namespace GraphAttn.Graph.Matrices;

/// <summary>The views of a <see cref="SocialGraph"/> that splitting and ranking need, as plain matrices.</summary>
public static class GraphViews
{
    /// <summary>
    /// Distinct (user, content) pairs with the time of the first interaction. Repeated interactions with one item
    /// (view, then like) are one pair, so one item never sits in both train and test for the same user.
    /// </summary>
    public static List<UserItemEvent> DistinctEvents(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var log = graph.Interactions;
        var events = new List<UserItemEvent>(log.Count);
        var seen = new Dictionary<int, int>();
        for (var u = 0; u < graph.UserCount; u++)
        {
            seen.Clear();
            var range = log.Range(u);
            for (var i = range.Start.Value; i < range.End.Value; i++)
            {
                // The log is time-ordered, so the first record of a pair carries its earliest time.
                if (seen.TryAdd(log.Content[i], events.Count))
                {
                    events.Add(new UserItemEvent(u, log.Content[i], log.Timestamps[i]));
                }
            }
        }
        return events;
    }

    /// <summary>Users x contents: which user interacted with which content at least once.</summary>
    public static SparseBinaryMatrix Interacted(SocialGraph graph) =>
        SparseBinaryMatrix.FromPairs(
            graph.UserCount, graph.ContentCount, DistinctEvents(graph).Select(e => (e.User, e.Item)));

    /// <summary>Directed follow edges (user -> followed user).</summary>
    public static IEnumerable<(int From, int To)> FollowEdges(SocialGraph graph)
    {
        for (var u = 0; u < graph.UserCount; u++)
        {
            var row = graph.Following.Offsets;
            for (var e = row[u]; e < row[u + 1]; e++)
            {
                yield return (u, graph.Following.Targets[e]);
            }
        }
    }

    /// <summary>Users x users: who follows whom.</summary>
    public static SparseBinaryMatrix Following(SocialGraph graph) =>
        SparseBinaryMatrix.FromPairs(graph.UserCount, graph.UserCount, FollowEdges(graph));

    /// <summary>Users x users: ties in either direction (the undirected friendship graph).</summary>
    public static SparseBinaryMatrix Undirected(SocialGraph graph) =>
        SparseBinaryMatrix.FromPairs(
            graph.UserCount, graph.UserCount, FollowEdges(graph).SelectMany(e => new[] { e, (e.To, e.From) }));
}
