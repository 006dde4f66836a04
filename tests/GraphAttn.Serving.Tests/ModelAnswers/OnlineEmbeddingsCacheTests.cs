using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.ModelAnswers;

namespace GraphAttn.Serving.Tests.ModelAnswers;

/// <summary>The online-embedding cache: a bounded LRU keyed by (graph generation, user) that never holds a graph.</summary>
public sealed class OnlineEmbeddingsCacheTests
{
    [Fact]
    public void Get_PastCapacity_EvictsTheLeastRecentlyUsedOnly()
    {
        var graph = SampleGraphs.Random(users: 20, seed: 3);
        var embedder = new CountingEmbedder();
        var online = new OnlineEmbeddings(embedder, capacity: 3);

        online.Get(graph, 0, Live(1));
        online.Get(graph, 1, Live(1));
        online.Get(graph, 2, Live(1));
        online.Get(graph, 0, Live(1)); // 0 is now the most recent; 1 the least
        online.Get(graph, 3, Live(1));

        Assert.Equal(3, online.Count);
        Assert.False(online.IsCached(graph, 1));
        Assert.True(online.IsCached(graph, 0) && online.IsCached(graph, 2) && online.IsCached(graph, 3));
        Assert.Equal(4, embedder.Calls); // the hit on 0 did not call the model
    }

    [Fact]
    public void Get_ManyUsers_NeverHoldsMoreThanCapacityAndKeepsTheRecentOnes()
    {
        var graph = SampleGraphs.Random(users: 200, seed: 4);
        var online = new OnlineEmbeddings(new CountingEmbedder(), capacity: 50);

        for (int user = 0; user < graph.UserCount; user++)
        {
            online.Get(graph, user, Live(1));
            Assert.True(online.Count <= 50);
        }

        // No cliff: the last 50 users are all still there.
        Assert.All(Enumerable.Range(150, 50), u => Assert.True(online.IsCached(graph, u)));
    }

    [Fact]
    public void Get_NewEventOrNewGraph_ComputesAgain()
    {
        var graph = SampleGraphs.Random(users: 20, seed: 5);
        var reloaded = SampleGraphs.Random(users: 20, seed: 5); // same data, another instance: a reload
        var embedder = new CountingEmbedder();
        var online = new OnlineEmbeddings(embedder, capacity: 10);

        online.Get(graph, 4, Live(1));
        online.Get(graph, 4, Live(1));
        online.Get(graph, 4, Live(2));
        online.Get(reloaded, 4, Live(2));

        Assert.Equal(3, embedder.Calls);
    }

    [Fact]
    public async Task Get_ConcurrentMissesOnOneUser_CallTheModelOnce()
    {
        var graph = SampleGraphs.Random(users: 20, seed: 7);
        var embedder = new GatedEmbedder();
        var online = new OnlineEmbeddings(embedder, capacity: 10);
        var overlay = Live(1);

        var first = Task.Run(() => online.Get(graph, 2, overlay));
        Assert.True(embedder.Entered.Wait(TimeSpan.FromSeconds(30)));
        var started = 0;
        var others = Enumerable.Range(0, 7).Select(_ => Task.Run(() =>
        {
            Interlocked.Increment(ref started);
            return online.Get(graph, 2, overlay);
        })).ToArray();
        while (Volatile.Read(ref started) < others.Length) await Task.Delay(10);
        await Task.Delay(200); // let them reach the call in flight
        embedder.Gate.Set();

        var results = await Task.WhenAll([first, .. others]);
        Assert.Equal(1, embedder.Calls);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(1, online.Computed);
    }

    [Fact]
    public void Get_ModelCallFails_NextRequestCallsAgain()
    {
        var graph = SampleGraphs.Random(users: 20, seed: 8);
        var embedder = new GatedEmbedder { FailFirst = true };
        embedder.Gate.Set();
        var online = new OnlineEmbeddings(embedder, capacity: 10);

        Assert.Throws<InvalidOperationException>(() => online.Get(graph, 3, Live(1)));
        Assert.NotNull(online.Get(graph, 3, Live(1)));
        Assert.Equal(2, embedder.Calls);
        Assert.True(online.IsCached(graph, 3));
    }

    [Fact]
    public void Get_GraphReplaced_CacheDoesNotKeepTheOldGraphAlive()
    {
        var online = new OnlineEmbeddings(new CountingEmbedder(), capacity: 100);
        WeakReference old = FillFromThrowawayGraph(online);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(old.IsAlive);
        Assert.Equal(5, online.Count); // its entries age out by recency; they hold no graph
    }

    private static WeakReference FillFromThrowawayGraph(OnlineEmbeddings online)
    {
        var graph = SampleGraphs.Random(users: 30, seed: 6);
        for (int user = 0; user < 5; user++)
        {
            online.Get(graph, user, Live(1));
        }

        return new WeakReference(graph);
    }

    private static readonly SocialGraph OverlayGraph = SampleGraphs.Random(users: 20, seed: 3);

    // A user's overlay after one live follow applied as event number `version`: the cache compares only the version,
    // which the living graph takes from the last event that changed the user.
    private static UserOverlay Live(long version)
    {
        var graph = OverlayGraph;
        var live = LiveGraph.Fresh(graph, 0);
        var follow = new GraphEvent { EventId = $"v{version}", Kind = GraphEventKind.Follow, UserId = graph.Users[0], TargetId = graph.Users[graph.UserCount - 1], TimestampMs = version };
        Assert.Equal(ApplyOutcome.Changed, live.Apply(follow, version));
        return UserOverlay.Of(live, 0);
    }

    // Blocks every call until Gate is set; counts calls; can fail its first one.
    private sealed class GatedEmbedder : IOnlineUserEmbedder
    {
        private int _calls;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Gate { get; } = new();

        public bool FailFirst { get; init; }

        public int Calls => _calls;

        public string ModelId => "gated";

        public OnlineUserVector? Embed(SocialGraph graph, int user, UserOverlay overlay)
        {
            var call = Interlocked.Increment(ref _calls);
            Entered.Set();
            Gate.Wait(TimeSpan.FromSeconds(30));
            if (FailFirst && call == 1) throw new InvalidOperationException("model call failed");
            return new OnlineUserVector([user, overlay.Version], [user, 0f], UserAttention.None);
        }
    }

    private sealed class CountingEmbedder : IOnlineUserEmbedder
    {
        private int _calls;

        public int Calls => _calls;

        public string ModelId => "counting";

        public OnlineUserVector? Embed(SocialGraph graph, int user, UserOverlay overlay)
        {
            Interlocked.Increment(ref _calls);
            return new OnlineUserVector([user, overlay.Version], [user, 0f], UserAttention.None);
        }
    }
}
