using GraphAttn.Contracts.V1;
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

    /// <summary>
    /// Reasons why <paramref name="content"/> suits <paramref name="user"/>, strongest first. <paramref name="interest"/>
    /// is the user's topic interest (<see cref="TopicInterests.Of"/>), computed once per request by the caller.
    /// </summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, int user, int content, ReadOnlySpan<float> interest)
    {
        var g = state.Graph;
        var reasons = new List<Reason>(2);

        var engaged = SortedIntersection.Common(g.Following.Neighbors(user), g.ContentUsers.Neighbors(content));
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
}
