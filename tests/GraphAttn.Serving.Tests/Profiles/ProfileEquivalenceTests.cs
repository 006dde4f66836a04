using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Profiles;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Tests.Profiles;

/// <summary>
/// The profile's influential friends from merged content-ordered histories, and its topic lists from a small sort,
/// against the reference computations (a dictionary per followee; LINQ ordering) on random graphs and the demo graph.
/// </summary>
public sealed class ProfileEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void InfluentialFriendsTop_RandomGraphs_EqualsReference(int seed) =>
        AssertInfluenceMatches(SampleGraphs.Random(users: 150, contents: 40, seed: seed), step: 1);

    [Fact]
    public void InfluentialFriendsTop_DemoGraph_EqualsReference() => AssertInfluenceMatches(SampleGraphs.Demo, step: 7);

    [Fact]
    public void Build_DemoGraph_TopicListsEqualTheLinqReference()
    {
        var graph = SampleGraphs.Demo;
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        for (int user = 0; user < graph.UserCount; user += 37)
        {
            var profile = ProfileBuilder.Build(state, user);

            var weights = new float[graph.TopicCount];
            TopicInterests.Of(graph, user, weights);
            Assert.Equal(ReferenceTop(weights, 10), profile.Interests.Select(i => (graph.Topics.TryGetIndex(i.TopicId, out int t) ? t : -1, i.Weight)));
            var shares = state.Communities.TopicShares[state.Communities.Labels[user]];
            Assert.Equal(ReferenceTop(shares, 5), profile.Community.TopTopics.Select(i => (graph.Topics.TryGetIndex(i.TopicId, out int t) ? t : -1, i.Weight)));
            var kinds = graph.Interactions.Kinds.AsSpan(graph.Interactions.Range(user)).ToArray();
            Assert.Equal(kinds.GroupBy(k => k).OrderBy(k => k.Key).Select(k => (k.Key.ToCsv(), k.Count())),
                profile.Activity.InteractionsByKind.Select(k => (k.Key, k.Value)));
        }
    }

    private static void AssertInfluenceMatches(SocialGraph graph, int step)
    {
        var byContent = new HistoryByContent(graph.Interactions);
        for (int user = 0; user < graph.UserCount; user += step)
        {
            Assert.Equal(InfluentialFriends.Of(graph, user).Take(10), InfluentialFriends.Top(graph, byContent, user, 10));
        }
    }

    private static IEnumerable<(int Topic, float Weight)> ReferenceTop(float[] weights, int max) =>
        Enumerable.Range(0, weights.Length).Where(t => weights[t] > 0).OrderByDescending(t => weights[t]).ThenBy(t => t).Take(max)
            .Select(t => (t, weights[t]));
}
