using GraphAttn.Graph;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.ModelAnswers;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.State;
using GraphAttn.Serving.Store;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Modeled;

/// <summary>
/// The API's friend ranking with a snapshot (<see cref="StructureWorld"/>): β &gt; 0 adds β · AA over the served
/// state's friend graph, whether the user's vector is their snapshot row or an online embedding; β = 0 ranks by the
/// dot product as before.
/// </summary>
public sealed class ModelRecommenderFriendsTests
{
    private const float Beta = 0.75f;

    [Theory]
    [InlineData(Beta, "b", "a")]
    [InlineData(0f, "a", "b")]
    public async Task Friends_SnapshotRow_StructuralWeightDecidesBetweenAAndB(float beta, string first, string second)
    {
        var graph = StructureWorld.Graph();
        var (source, picks) = await SnapshotPicksAsync(graph, beta);

        Assert.Equal(ModelUserSource.Snapshot, source);
        Assert.Equal([first, second], picks.Select(p => graph.Users[p.User]));
        FriendPick b = picks.Single(p => p.User == U(graph, "b"));
        Assert.Equal(0.1f + beta * StructureWorld.SharedFriendsAa, b.Score, 1e-5f);
        Assert.Equal(2, b.MutualFriends);
        Assert.Equal(0, picks.Single(p => p.User == U(graph, "a")).MutualFriends);
        Assert.All(picks, p => Assert.NotEmpty(p.Reasons));
    }

    [Theory]
    [InlineData(Beta, true)]
    [InlineData(0f, false)]
    public async Task Friends_StructuralTerm_ExplainsAPickByTheFriendsItShares(float beta, bool sharedReason)
    {
        var graph = StructureWorld.Graph();
        var (_, picks) = await SnapshotPicksAsync(graph, beta);
        FriendPick b = picks.Single(p => p.User == U(graph, "b"));

        // b shares two friends with me; with β > 0 those friends lift b's score, so they are named first.
        var mutual = b.Reasons.Where(r => r.Kind == GraphAttn.Contracts.V1.ReasonKind.MutualFriends).ToList();
        Assert.Equal(sharedReason, mutual.Count == 1 && b.Reasons[0] == mutual[0] && mutual[0].Text.StartsWith("You share 2 friends"));
    }

    [Fact]
    public async Task Friends_OnlineVector_GetsTheSameStructuralTerm()
    {
        var graph = StructureWorld.Graph();
        var (state, store) = await ServeAsync(graph, Beta);
        await using (store)
        {
            var online = new OnlineEmbeddings(new FixedEmbedder("structure-model", [0f, 1f], [1f, 0f]));
            using var view = ModelView.TryOpen(store, graph, online)!;
            int me = U(graph, "me");
            var overlay = new UserOverlay(new HashSet<string>(), new HashSet<string>(), new HashSet<string>()) { Version = 1 };
            var model = view.Resolve(me, overlay)!;

            var picks = ModelRecommender.Friends(state, view, model, me, 2, explain: false, overlay);

            Assert.Equal(ModelUserSource.Online, model.Source);
            Assert.Equal(["b", "a"], picks.Select(p => graph.Users[p.User]));
            Assert.Equal(0.1f + Beta * StructureWorld.SharedFriendsAa, picks[0].Score, 1e-5f);
        }
    }

    [Fact]
    public async Task Friends_LiveFollowOfTheStructuralFavourite_IsNeverReturned()
    {
        var graph = StructureWorld.Graph();
        var (state, store) = await ServeAsync(graph, Beta);
        await using (store)
        {
            using var view = ModelView.TryOpen(store, graph, online: null)!;
            int me = U(graph, "me");
            var overlay = new UserOverlay(new HashSet<string>(), new HashSet<string> { "b" }, new HashSet<string>()) { Version = 1 };
            var model = view.Resolve(me, overlay)!;

            var picks = ModelRecommender.Friends(state, view, model, me, 3, explain: false, overlay);

            Assert.DoesNotContain(U(graph, "b"), picks.Select(p => p.User));
            Assert.Equal("a", graph.Users[picks[0].User]);
        }
    }

    /// <summary>"me"'s top 2 friend picks, explained, from its snapshot row under a snapshot with the given β.</summary>
    private static async Task<(ModelUserSource Source, IReadOnlyList<FriendPick> Picks)> SnapshotPicksAsync(
        SocialGraph graph, float beta)
    {
        var (state, store) = await ServeAsync(graph, beta);
        await using (store)
        {
            using var view = ModelView.TryOpen(store, graph, online: null)!;
            int me = U(graph, "me");
            var model = view.Resolve(me, UserOverlay.Empty)!;
            return (model.Source, ModelRecommender.Friends(state, view, model, me, 2, explain: true, UserOverlay.Empty));
        }
    }

    private static async Task<(ServingState State, SnapshotStore Store)> ServeAsync(SocialGraph graph, float beta)
    {
        var store = new SnapshotStore(new SnapshotStoreOptions
        {
            Folder = Path.Combine(Path.GetTempPath(), "graphattn-none-" + Guid.NewGuid().ToString("N")),
            WatchFolder = false,
            PollInterval = Timeout.InfiniteTimeSpan,
        });
        await store.PublishAsync(ServingSnapshot.FromSnapshot(SnapshotFileInfo.InMemory("structure"), StructureWorld.Snapshot(graph, beta)));
        return (ServingState.Baseline(graph, "test", DateTimeOffset.UnixEpoch), store);
    }

    private static int U(SocialGraph graph, string id) => graph.Users.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    private sealed class FixedEmbedder(string modelId, float[] user, float[] friend) : IOnlineUserEmbedder
    {
        public string ModelId => modelId;

        public OnlineUserVector? Embed(SocialGraph graph, int user1, UserOverlay overlay) => new(user, friend, UserAttention.None);
    }
}
