using GraphAttn.Graph;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>
/// The content baseline ranked from its popularity order with an early stop gives exactly the full ranking: every item
/// scored, then top-k with the same filters (seen items, topic).
/// </summary>
public sealed class ContentRankingEquivalenceTests
{
    public static TheoryData<int, int> Cases => new() { { 1, 10 }, { 2, 1 }, { 3, 100 }, { 4, 37 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Top_RandomGraphs_SameItemsAndScoresAsFullRanking(int seed, int limit)
    {
        // Many items share a popularity (0 for items nobody touched, equal counts otherwise): ties must break alike.
        var graph = SampleGraphs.Random(users: 120, contents: 300, topics: 9, seed: seed);
        AssertSameRankings(graph, limit);
    }

    [Fact]
    public void Top_DemoGraph_SameItemsAndScoresAsFullRanking() => AssertSameRankings(SampleGraphs.Demo, 10, step: 23);

    private static void AssertSameRankings(SocialGraph graph, int limit, int step = 1)
    {
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        var ranking = Assert.IsType<PopularityRanking>(state.ContentRanking);
        for (int user = 0; user < graph.UserCount; user += step)
        {
            foreach (int? topic in new int?[] { null, user % graph.TopicCount })
            {
                foreach (bool includeSeen in new[] { false, true })
                {
                    var query = new ContentQuery(limit, includeSeen, topic, Explain: false);
                    var excluded = includeSeen ? null : ContentRecommender.SeenBy(graph, user, UserOverlay.Empty);

                    var reference = ContentRecommender.TopOfAllScores(state, user, query, excluded, CancellationToken.None);
                    var fast = ranking.Top(user, limit, excluded is null ? null : excluded.Contains, topic);

                    Assert.Equal(reference.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))),
                        fast.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))));
                }
            }
        }
    }
}
