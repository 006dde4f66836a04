using GraphAttn.Graph.Live;
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
    [InlineData(4, 10, 3000)] // hubs of about a thousand ties
    [InlineData(5, 1, 3000)]
    public void TopTwoHop_RandomGraphsWithHubs_SameUsersAndScoresAsFullRow(int seed, int limit, int users = 400)
    {
        var graph = HubGraphs.Social(users, seed);
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        var random = new Random(seed);
        for (int user = 0; user < graph.UserCount; user += graph.UserCount / 80)
        {
            var overlay = user % 2 == 0 ? UserOverlay.Empty : RandomOverlay(graph, user, random);
            var following = FriendRecommender.FollowingOf(graph, user, overlay);

            var reference = FriendRecommender.TopOfFullRow(state, user, limit, following, CancellationToken.None);
            var walked = FriendRecommender.TopTwoHop(state.Friends, user, limit, following);

            Assert.Equal(reference.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))),
                walked.Select(r => (r.Index, BitConverter.SingleToInt32Bits(r.Score))));
        }
    }

    [Theory]
    [InlineData(6, 10)]
    [InlineData(7, 100, 3000)]
    public void Top_MutualCountsOnTheWay_EqualListIntersections(int seed, int limit, int users = 400)
    {
        var graph = HubGraphs.Social(users, seed);
        var friends = GraphAttn.Graph.Neighbourhood.Undirected(graph);
        for (int user = 0; user < graph.UserCount; user += graph.UserCount / 80)
        {
            var following = FriendRecommender.FollowingOf(graph, user, UserOverlay.Empty);
            var top = AdamicAdarTopK.Top(friends, user, limit, following.Contains, out var mutual);

            Assert.Equal(top.Select(t => SortedIntersection.Count(friends.Neighbors(user), friends.Neighbors(t.Index))), mutual);
            // The scratch row is clean again: the next walk is unaffected by this one's counts.
            Assert.Equal(top, AdamicAdarTopK.Top(friends, user, limit, following.Contains));
        }
    }

    [Theory]
    [InlineData(8, 10)]
    [InlineData(9, 30, 3000)]
    public void Recommend_Explained_MutualFriendsFromTheWalkSameAsIntersections(int seed, int limit, int users = 400)
    {
        var graph = HubGraphs.Social(users, seed);
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        for (int user = 0; user < graph.UserCount; user += graph.UserCount / 40)
        {
            var picks = FriendRecommender.Recommend(state, user, limit, explain: true, UserOverlay.Empty, CancellationToken.None);

            foreach (var pick in picks)
            {
                var expected = FriendReasons.Explain(state, user, pick.User);
                Assert.Equal(expected.Select(r => r.ToString()), pick.Reasons.Select(r => r.ToString()));
                Assert.Equal(SortedIntersection.Count(state.Friends.Neighbors(user), state.Friends.Neighbors(pick.User)), pick.MutualFriends);
            }
        }
    }

    [Fact]
    public async Task TopTwoHop_EveryUserReached_StaysWithinItsScratch()
    {
        // A clique of five: the walk reaches every user, itself included, and goes on adding to them.
        var builder = new GraphAttn.Graph.GraphBuilder();
        for (int u = 0; u < 5; u++) builder.AddUser($"u{u}");
        for (int u = 0; u < 5; u++)
        {
            for (int v = 0; v < 5; v++)
            {
                if (u != v) builder.AddFollow($"u{u}", $"u{v}");
            }
        }

        var friends = GraphAttn.Graph.Neighbourhood.Undirected(builder.Build());
        // A new thread: its per-thread scratch is sized to this graph, not to a larger one an earlier test used.
        var top = await Task.Factory.StartNew(() => FriendRecommender.TopTwoHop(friends, 0, 10, new HashSet<int>()),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        Assert.Equal(new[] { 1, 2, 3, 4 }, top.Select(t => t.Index));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void TopTwoHop_BestCandidateOnlyBehindHubs_IsFound(int limit)
    {
        // me ~ f (30 ties, 1/ln 30 = 0.29 to each of its 29 other friends) and three hubs of 200 ties; y is a friend of
        // all three hubs: 3/ln 200 = 0.57, the best score, reachable only through the longest lists.
        var builder = new GraphAttn.Graph.GraphBuilder();
        var known = new HashSet<string>();
        void Follow(string from, string to)
        {
            foreach (string id in new[] { from, to })
            {
                if (known.Add(id)) builder.AddUser(id);
            }

            builder.AddFollow(from, to);
        }

        Follow("me", "f");
        for (int i = 0; i < 29; i++) Follow("f", $"x{i:D2}");
        for (int h = 0; h < 3; h++)
        {
            Follow("me", $"hub{h}");
            Follow("y", $"hub{h}");
            for (int i = 0; i < 198; i++) Follow($"fan{h}-{i:D3}", $"hub{h}");
        }

        var graph = builder.Build();
        var state = ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch);
        int me = graph.Users.TryGetIndex("me", out int m) ? m : -1;
        var following = FriendRecommender.FollowingOf(graph, me, UserOverlay.Empty);

        var reference = FriendRecommender.TopOfFullRow(state, me, limit, following, CancellationToken.None);
        var walked = FriendRecommender.TopTwoHop(state.Friends, me, limit, following);

        Assert.Equal("y", graph.Users[reference[0].Index]);
        Assert.Equal(reference, walked);
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

    // Live follows of up to four random users and unfollows of about half the graph's followees, as the living graph
    // applies them.
    private static UserOverlay RandomOverlay(GraphAttn.Graph.SocialGraph graph, int user, Random random)
    {
        var live = LiveGraph.Fresh(graph, 0);
        long version = 0;
        void Apply(GraphEventKind kind, int target)
        {
            if (target == user) return;
            version++;
            live.Apply(new GraphEvent { EventId = $"e{version}", Kind = kind, UserId = graph.Users[user], TargetId = graph.Users[target], TimestampMs = version }, version);
        }

        for (int i = 0; i < 4; i++)
        {
            Apply(GraphEventKind.Follow, random.Next(graph.UserCount));
        }

        foreach (int v in graph.Following.Neighbors(user).ToArray())
        {
            if (random.Next(2) == 0)
            {
                Apply(GraphEventKind.Unfollow, v);
            }
        }

        return UserOverlay.Of(live, user);
    }
}
