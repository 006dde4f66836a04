using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Baseline explanations for a content item: followed users who engaged with it, and the user's topics it matches;
/// "popular recently" when neither applies. Model explanations from attention weights replace these when a model serves.
/// </summary>
public static class ContentReasons
{
    private const int MaxEvidence = 5;

    // History entries a SIMD scan reads in the time of one step of a binary search that misses the cache.
    private const int HistoryScanPerSearchStep = 32;

    /// <summary>
    /// Reasons why <paramref name="content"/> suits <paramref name="user"/>, strongest first. <paramref name="interest"/>
    /// is the user's topic interest (<see cref="TopicInterests.Of"/>), computed once per request by the caller.
    /// </summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, int user, int content, ReadOnlySpan<float> interest)
    {
        var g = state.Graph;
        var reasons = new List<Reason>(2);

        var engaged = EngagedFollowees(g, user, content);
        if (engaged.Count > 0)
        {
            var names = engaged.Take(Names.Shown).Select(u => Names.User(g, u)).ToList();
            reasons.Add(Reasons.Make(ReasonKind.FriendsEngaged,
                $"{Names.Join(names, engaged.Count)}, whom you follow, engaged with it",
                engaged.Take(MaxEvidence).Select(u => Reasons.User(g, u, 1f / engaged.Count))));
        }

        var weights = new List<(int Topic, float Weight)>();
        foreach (var t in g.ContentTopics.Neighbors(content))
            if (interest[t] > 0) weights.Add((t, interest[t]));
        var topics = weights.OrderByDescending(x => x.Weight).ToList();
        if (topics.Count > 0)
            reasons.Add(Reasons.Make(ReasonKind.TopicInterest,
                $"Matches your interest in {Names.Join(topics.Select(x => g.TopicNames[x.Topic]).ToList())}",
                topics.Take(MaxEvidence).Select(x => Reasons.Topic(g, x.Topic, x.Weight))));

        if (reasons.Count == 0)
            reasons.Add(Reasons.Make(ReasonKind.Popular, "Popular recently", []));
        return reasons;
    }

    /// <summary>
    /// The users <paramref name="user"/> follows who interacted with <paramref name="content"/> (in the graph), ascending:
    /// Following(user) ∩ ContentUsers(content). A popular item's list holds thousands of users, searched once per
    /// followee with a cache miss at most steps; the followees' own histories are usually a few hundred entries in all,
    /// scanned with SIMD and cached after the answer's first item. Whichever reads less is used.
    /// </summary>
    internal static List<int> EngagedFollowees(SocialGraph g, int user, int content)
    {
        var followees = g.Following.Neighbors(user);
        var users = g.ContentUsers.Neighbors(content);
        var log = g.Interactions;
        long history = 0;
        foreach (var f in followees) history += log.Offsets[f + 1] - log.Offsets[f];
        if (history > HistoryScanPerSearchStep * followees.Length * (long)Math.Log2(users.Length + 2))
            return SortedIntersection.Common(followees, users);
        var engaged = new List<int>();
        foreach (var f in followees)
            if (log.Content.AsSpan(log.Offsets[f], log.Offsets[f + 1] - log.Offsets[f]).Contains(content)) engaged.Add(f);
        return engaged;
    }
}
