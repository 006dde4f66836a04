using GraphAttn.Graph.Live;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Tests.Events;

public class LiveGraphWriterTests
{
    private const long T = 1_800_000_000_000;

    [Fact]
    public async Task Apply_PastTheCompactionThreshold_FoldsTheOverlayInTheBackground()
    {
        var writer = new LiveGraphWriter(new LiveOptions { CompactEvents = 10 });
        await writer.ResetAsync(State(), [], CancellationToken.None).Within();
        var before = writer.Current!;
        for (int i = 0; i < 10; i++)
        {
            // u5 has no history and u4 saw only c7: every one of these is new.
            Assert.Equal(ApplyOutcome.Changed, writer.ApplyEdge(Saw(i < 8 ? "u5" : "u4", $"c{i % 8}", $"e{i}")));
        }

        await TestTimeouts.Until(() => writer.Compactions == 1, "a compaction");
        var after = writer.Current!;
        Assert.NotSame(before.Graph, after.Graph);
        Assert.Equal(0, after.Live.OverlayEvents);
        Assert.Equal(before.Graph.InteractionCount + 10, after.Graph.InteractionCount);
        Assert.Same(after.Graph, after.State.Graph);
        Assert.Equal($"baseline@{after.Graph.Fingerprint}", after.State.Provenance.ModelVersion);
        // Applied ids stay known after the fold: a re-delivery is not applied again.
        Assert.Equal(ApplyOutcome.Unchanged, writer.ApplyEdge(Saw("u5", "c0", "e0")));
        Assert.Equal(before.Graph.InteractionCount + 10, writer.Current!.Graph.InteractionCount + writer.Current.Live.OverlayEvents);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentNewUsers_ShareExtensionsAndAreAnswerableAtOnce()
    {
        var writer = new LiveGraphWriter();
        await writer.ResetAsync(State(), [], CancellationToken.None).Within();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            writer.ApplyAsync([new GraphEvent { EventId = $"n{i}", Kind = GraphEventKind.User, UserId = $"new{i}" }], CancellationToken.None)))).Within();

        Assert.All(results, r => Assert.Equal(ApplyOutcome.Changed, r.Outcomes[0]));
        var served = writer.Current!;
        Assert.Equal(26, served.Graph.UserCount);
        Assert.Equal(26, served.State.Friends.NodeCount);
        Assert.Equal(ApplyOutcome.Changed, writer.ApplyEdge(new GraphEvent { EventId = "f", Kind = GraphEventKind.Follow, UserId = "new3", TargetId = "u0", TimestampMs = T }));
        // A repeated upsert with a known id is acknowledged without a new graph.
        var again = await writer.ApplyAsync([new GraphEvent { EventId = "n3", Kind = GraphEventKind.User, UserId = "new3", Name = "x" }], CancellationToken.None).Within();
        Assert.Equal(ApplyOutcome.Unchanged, again.Outcomes[0]);
    }

    [Fact]
    public async Task ApplyAsync_AnEventBeingRecordedLocally_IsLeftToThatCall()
    {
        var writer = new LiveGraphWriter();
        await writer.ResetAsync(State(), [], CancellationToken.None).Within();
        var e = Saw("u5", "c1", "local");
        writer.BeginLocal(e.EventId);
        var synced = await writer.ApplyAsync([e], CancellationToken.None).Within();
        Assert.Equal(ApplyOutcome.Unchanged, synced.Outcomes[0]);
        Assert.Equal(ApplyOutcome.Changed, writer.ApplyEdge(e));
        writer.EndLocal(e.EventId);
        Assert.Equal(ApplyOutcome.Unchanged, (await writer.ApplyAsync([e], CancellationToken.None).Within()).Outcomes[0]);
    }

    [Fact]
    public async Task Reset_ReplaysEventsAndForgetsThePreviousGraphsIds()
    {
        var writer = new LiveGraphWriter();
        await writer.ResetAsync(State(), [], CancellationToken.None).Within();
        writer.ApplyEdge(Saw("u5", "c1", "a"));
        var replay = new[] { new GraphEvent { EventId = "n", Kind = GraphEventKind.User, UserId = "new" }, Saw("new", "c1", "b"), Saw("u5", "c1", "a") };
        var outcome = await writer.ResetAsync(State(), replay, CancellationToken.None).Within();
        Assert.Equal([ApplyOutcome.Changed, ApplyOutcome.Changed, ApplyOutcome.Changed], outcome.Outcomes);
        var live = writer.Current!.Live;
        Assert.True(live.Graph.Users.TryGetIndex("new", out int user));
        Assert.True(live.HasSeen(user, 1));
    }

    private static ServingState State() => ServingState.Baseline(SmallGraphs.Social(), "test", DateTimeOffset.UnixEpoch);

    private static GraphEvent Saw(string user, string content, string id) =>
        new() { EventId = id, Kind = GraphEventKind.Interaction, UserId = user, TargetId = content, TimestampMs = T };
}
