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

    /// <summary>Reasons why <paramref name="content"/> suits <paramref name="user"/>, strongest first.</summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, int user, int content)
    {
        var g = state.Graph;
        var reasons = new List<Reason>(2);

        var engaged = Intersect(g.Following.Neighbors(user), g.ContentUsers.Neighbors(content));
        if (engaged.Count > 0)
        {
            var names = engaged.Select(u => Names.User(g, u)).ToList();
            reasons.Add(Reasons.Make(ReasonKind.FriendsEngaged,
                $"{Names.Join(names)}, whom you follow, engaged with it",
                engaged.Take(MaxEvidence).Select(u => Reasons.User(g, u, 1f / engaged.Count))));
        }

        var interest = new float[g.TopicCount];
        TopicInterests.Of(g, user, interest);
        var topics = g.ContentTopics.Neighbors(content).ToArray().Where(t => interest[t] > 0)
            .OrderByDescending(t => interest[t]).ToList();
        if (topics.Count > 0)
            reasons.Add(Reasons.Make(ReasonKind.TopicInterest,
                $"Matches your interest in {Names.Join(topics.Select(t => g.TopicNames[t]).ToList())}",
                topics.Take(MaxEvidence).Select(t => Reasons.Topic(g, t, interest[t]))));

        if (reasons.Count == 0)
            reasons.Add(Reasons.Make(ReasonKind.Popular, "Popular recently", []));
        return reasons;
    }

    private static List<int> Intersect(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var result = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { result.Add(a[i]); i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return result;
    }
}
