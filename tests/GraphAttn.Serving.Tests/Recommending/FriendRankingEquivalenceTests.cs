using GraphAttn.Serving.Events;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.State;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>
/// The baseline friend ranking over a two-hop walk ranks exactly as the reference did: the full Adamic-Adar row over
/// every user, then top-k with the same exclusions (self, graph follows, live follows, live unfollows).
/// </summary>
public sealed class FriendRankingEquivalenceTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 3)]
    [InlineData(3, 100)]
    public void TopTwoHop_RandomGraphsWithHubs_SameUsersAndScoresAsFullRow(int seed, int limit)
    {
        var graph = HubGraphs.Social(400, seed);
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        var random = new Random(seed);
        for (int user = 0; user < graph.UserCount; user += 5)
        {
            var overlay = user % 2 == 0 ? UserOverlay.Empty : RandomOverlay(graph, user, random);
            var following = FriendRecommender.FollowingOf(graph, user, overlay);

            var reference = FriendRecommender.TopOfFullRow(state, user, limit, following, CancellationToken.None);
            var walked = FriendRecommender.TopTwoHop(state.Friends, user, limit, following);

            Assert.Equal(reference.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))),
                walked.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))));
        }
    }

    [Fact]
    public void Recommend_DemoGraph_SameAsFullRowForEveryTenthUser()
    {
        var graph = SampleGraphs.Demo;
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        for (int user = 0; user < graph.UserCount; user += 10)
        {
            var picks = FriendRecommender.Recommend(state, user, 10, explain: false, UserOverlay.Empty, CancellationToken.None);
            var reference = FriendRecommender.TopOfFullRow(state, user, 10, FriendRecommender.FollowingOf(graph, user, UserOverlay.Empty),
                CancellationToken.None);

            Assert.Equal(reference.Select(r => (r.Index, r.Score)), picks.Select(p => (p.User, p.Score)));
        }
    }

    private static UserOverlay RandomOverlay(GraphAttn.Graph.SocialGraph graph, int user, Random random)
    {
        var followed = new HashSet<string>();
        var unfollowed = new HashSet<string>();
        for (int i = 0; i < 4; i++)
        {
            followed.Add(graph.Users[random.Next(graph.UserCount)]);
        }

        foreach (int v in graph.Following.Neighbors(user))
        {
            if (random.Next(2) == 0)
            {
                unfollowed.Add(graph.Users[v]);
            }
        }

        return new UserOverlay(new HashSet<string>(), followed, unfollowed) { Version = 1 };
    }
}
