using GraphAttn.Graph.Live;
using static GraphAttn.Graph.Tests.Live.LiveEvents;

namespace GraphAttn.Graph.Tests.Live;

public class LiveGraphTests
{
    private const long T = 1_800_000_000_000;

    [Fact]
    public void Apply_Interaction_SeenAtOnceAndNotTwice()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        var u5 = Index(live.Graph.Users, "u5");
        var c3 = Index(live.Graph.Contents, "c3");

        Assert.False(live.HasSeen(u5, c3));
        Assert.Equal(ApplyOutcome.Changed, live.Apply(Saw("u5", "c3", T), 1));
        Assert.True(live.HasSeen(u5, c3));
        Assert.Equal(1, live.VersionOf(u5));
        // The same interaction again (a re-delivery): held once; another on a seen item: held, but changes nothing.
        Assert.Equal(ApplyOutcome.Unchanged, live.Apply(Saw("u5", "c3", T), 2));
        Assert.Equal(ApplyOutcome.Unchanged, live.Apply(Saw("u5", "c3", T + 1, InteractionKind.Like), 3));
        Assert.Equal(2, live.Active.For(u5)!.Interactions.Count);
        Assert.Equal(ApplyOutcome.UnknownNode, live.Apply(Saw("nobody", "c3", T), 4));
        Assert.Equal(ApplyOutcome.UnknownNode, live.Apply(Saw("u5", "nothing", T), 4));
    }

    [Fact]
    public void Apply_OneUserWithAHundredThousandEvents_CostsLogarithmicTimePerEvent()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 100_000; i++)
        {
            live.Apply(i % 10 == 0 ? Follow("u5", $"u{i / 10 % 5}", T + i) : Saw("u5", $"c{i % 8}", T + i), i + 1);
        }

        // Copying a user's whole record per event would take minutes here (5e9 element copies).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var edits = live.Active.For(Index(live.Graph.Users, "u5"))!;
        Assert.Equal(90_000, edits.Interactions.Count);
        Assert.Equal(8, edits.Seen.Count);
        Assert.Equal(5, edits.Follows.Count);
    }

    [Fact]
    public void Apply_FollowsAndUnfollows_LaterEventTimeWinsWhateverTheArrivalOrder()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        int u4 = Index(live.Graph.Users, "u4"), u0 = Index(live.Graph.Users, "u0"), u5 = Index(live.Graph.Users, "u5");

        // u4 follows u0 in the graph; an unfollow removes it, a stale follow (older) cannot bring it back.
        Assert.True(live.Follows(u4, u0));
        Assert.Equal(ApplyOutcome.Changed, live.Apply(Unfollow("u4", "u0", T + 10), 1));
        Assert.False(live.Follows(u4, u0));
        Assert.Equal(ApplyOutcome.Unchanged, live.Apply(Follow("u4", "u0", T + 5), 2));
        Assert.False(live.Follows(u4, u0));

        // A newer follow wins over an older unfollow that arrives after it.
        Assert.Equal(ApplyOutcome.Changed, live.Apply(Follow("u5", "u0", T + 20), 3));
        Assert.Equal(ApplyOutcome.Unchanged, live.Apply(Unfollow("u5", "u0", T + 15), 4));
        Assert.True(live.Follows(u5, u0));
    }

    [Fact]
    public void Apply_StaleUnfollowAfterCompaction_DoesNotUndoTheNewerFollow()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        live.Apply(Follow("u5", "u1", T + 20), 1);
        live = Compact(live);
        int u5 = Index(live.Graph.Users, "u5"), u1 = Index(live.Graph.Users, "u1");
        Assert.True(live.Graph.Following.Contains(u5, u1));
        Assert.Equal(0, live.OverlayEvents);

        Assert.Equal(ApplyOutcome.Unchanged, live.Apply(Unfollow("u5", "u1", T + 10), 2));
        Assert.True(live.Follows(u5, u1));
        Assert.Equal(ApplyOutcome.Changed, live.Apply(Unfollow("u5", "u1", T + 30), 3));
        Assert.False(live.Follows(u5, u1));
    }

    [Fact]
    public void Apply_EqualTimes_TheLargerIdHashWinsOnEveryReplica()
    {
        var follow = Follow("u5", "u2", T, id: "a");
        var unfollow = Unfollow("u5", "u2", T, id: "b");
        var first = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        var second = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        first.Apply(follow, 1);
        first.Apply(unfollow, 2);
        second.Apply(unfollow, 1);
        second.Apply(follow, 2);
        int u5 = Index(first.Graph.Users, "u5"), u2 = Index(first.Graph.Users, "u2");
        Assert.Equal(first.Follows(u5, u2), second.Follows(u5, u2));
    }

    [Fact]
    public void NextEditTime_WithinTheMillisecondOfThePairsLastEdit_StampsAfterIt()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        int u5 = Index(live.Graph.Users, "u5"), u2 = Index(live.Graph.Users, "u2");
        Assert.Equal(T, live.NextEditTime(u5, u2, T)); // no edit of the pair yet

        // Whatever the ids' hashes, the unfollow stamped after the follow wins.
        live.Apply(Follow("u5", "u2", T, id: "z"), 1);
        Assert.Equal(T + 1, live.NextEditTime(u5, u2, T));
        Assert.Equal(T + 7, live.NextEditTime(u5, u2, T + 7));
        Assert.Equal(ApplyOutcome.Changed, live.Apply(Unfollow("u5", "u2", live.NextEditTime(u5, u2, T), id: "a"), 2));
        Assert.False(live.Follows(u5, u2));

        // The same once the edits are folded into the graph (their times are kept by the follow clock).
        live = Compact(live);
        Assert.Equal(T + 2, live.NextEditTime(u5, u2, T));
    }

    [Fact]
    public void Compaction_EqualsTheGraphBuiltFromScratch_AndKeepsEveryIndex()
    {
        var random = new Random(5);
        var source = SmallGraphs.Social();
        var live = LiveGraph.Fresh(source, 0);
        var applied = new List<GraphEvent>();
        for (int i = 0; i < 300; i++)
        {
            string a = $"u{random.Next(6)}", b = $"u{random.Next(6)}";
            GraphEvent e = random.Next(3) switch
            {
                0 => Saw(a, $"c{random.Next(8)}", T + random.Next(1000), (InteractionKind)random.Next(5)),
                1 when a != b => Follow(a, b, T + random.Next(1000)),
                2 when a != b => Unfollow(a, b, T + random.Next(1000)),
                _ => Saw(a, $"c{random.Next(8)}", T - random.Next(1_000_000)),
            };
            live.Apply(e, i + 1);
            applied.Add(e);
            if (i == 150)
            {
                live = Compact(live);
            }
        }

        var expected = Rebuilt(source, applied);
        var compacted = Compact(live);
        AssertSameGraph(expected, compacted.Graph);
        Assert.Equal(GraphFingerprint.Compute(compacted.Graph), compacted.Graph.Fingerprint);
        Assert.Equal(expected.Fingerprint, compacted.Graph.Fingerprint);
        Assert.Equal(source.Users.Ids, compacted.Graph.Users.Ids);
    }

    [Fact]
    public void Compaction_WhileEditsArrive_FoldsTheFrozenLayerAndKeepsTheNewOne()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        live.Apply(Saw("u5", "c0", T), 1);
        var frozen = live.WithNewLayer(1);
        frozen.Apply(Saw("u5", "c1", T + 1), 2);
        int u5 = Index(live.Graph.Users, "u5");
        Assert.True(frozen.HasSeen(u5, Index(live.Graph.Contents, "c0")));

        var folded = LiveCompaction.Fold(frozen);
        var after = new LiveGraph(folded.Graph, folded.Clock, folded.Folded, [frozen.Active]);
        Assert.Equal(1, after.OverlayEvents);
        Assert.Equal(1, after.Graph.Interactions.CountOf(u5));
        Assert.True(after.HasSeen(u5, Index(after.Graph.Contents, "c1")));
        Assert.Equal(2, after.VersionOf(u5));
        Assert.Throws<InvalidOperationException>(() => frozen.Layers[0].Set(u5, UserEdits.Empty));
    }

    [Fact]
    public void Extend_AddsNodesWithoutCopyingEdges_AndTheFingerprintEqualsAFullComputation()
    {
        var g = SmallGraphs.Social();
        var result = GraphExtension.Extend(g, [User("u6", "Six"), Content("c8", "Eight", "u6", "t1", "t9"), User("u0", ""), User("u6", "Six")]);
        var e = result.Graph;
        Assert.Equal([true, true, false, false], result.Changed);
        Assert.Equal(7, e.UserCount);
        Assert.Equal(9, e.ContentCount);
        Assert.Equal(4, e.TopicCount);
        Assert.Equal("t9", e.TopicNames[3]);
        Assert.Same(g.Following.Targets, e.Following.Targets);
        Assert.Same(g.Interactions.Content, e.Interactions.Content);
        Assert.Equal(0, e.Following.Degree(6));
        Assert.Equal(6, e.ContentAuthor[8]);
        Assert.Equal([1, 3], e.ContentTopics.Neighbors(8).ToArray());
        Assert.Contains(8, e.TopicContents.Neighbors(1).ToArray());
        Assert.Equal(GraphFingerprint.Compute(e), e.Fingerprint);
        Assert.Equal(6, g.UserCount); // the old graph is untouched

        var renamed = GraphExtension.Extend(e, [User("u1", "Renamed")]);
        Assert.Equal([true], renamed.Changed);
        Assert.Equal("Renamed", renamed.Graph.UserNames[1]);
        Assert.Equal(GraphFingerprint.Compute(renamed.Graph), renamed.Graph.Fingerprint);
        Assert.Same(renamed.Graph, GraphExtension.Extend(renamed.Graph, [User("u1", "Renamed")]).Graph);
    }

    [Fact]
    public void Extend_LayersCarryOver_IndicesKeepTheirMeaning()
    {
        var live = LiveGraph.Fresh(SmallGraphs.Social(), 0);
        live.Apply(Saw("u5", "c2", T), 1);
        var extended = live.WithExtendedGraph(GraphExtension.Extend(live.Graph, [User("u6")]).Graph);
        Assert.Equal(ApplyOutcome.Changed, extended.Apply(Follow("u6", "u5", T), 2));
        var compacted = Compact(extended);
        int u6 = Index(compacted.Graph.Users, "u6"), u5 = Index(compacted.Graph.Users, "u5");
        Assert.True(compacted.Graph.Following.Contains(u6, u5));
        Assert.True(compacted.Graph.Followers.Contains(u5, u6));
        Assert.Equal(1, compacted.Graph.Interactions.CountOf(u5));
        Assert.Equal(GraphFingerprint.Compute(compacted.Graph), compacted.Graph.Fingerprint);
    }

    private static LiveGraph Compact(LiveGraph live)
    {
        var frozen = live.WithNewLayer(0);
        var folded = LiveCompaction.Fold(frozen);
        return new LiveGraph(folded.Graph, folded.Clock, folded.Folded, [frozen.Active]);
    }

    // The source's rows plus the events, resolved the way the overlay resolves them, through a fresh GraphBuilder.
    private static SocialGraph Rebuilt(SocialGraph g, List<GraphEvent> events)
    {
        var b = new GraphBuilder();
        for (int u = 0; u < g.UserCount; u++) b.AddUser(g.Users[u], g.UserNames[u]);
        for (int c = 0; c < g.ContentCount; c++) b.AddContent(g.Contents[c], g.ContentTitles[c]);
        for (int t = 0; t < g.TopicCount; t++) b.AddTopic(g.Topics[t], g.TopicNames[t]);
        for (int c = 0; c < g.ContentCount; c++)
        {
            foreach (int t in g.ContentTopics.Neighbors(c)) b.AddTagged(g.Contents[c], g.Topics[t]);
            if (g.ContentAuthor[c] >= 0) b.AddPosted(g.Users[g.ContentAuthor[c]], g.Contents[c]);
        }

        var follows = new HashSet<(string, string)>();
        for (int u = 0; u < g.UserCount; u++)
            foreach (int v in g.Following.Neighbors(u)) follows.Add((g.Users[u], g.Users[v]));
        var last = new Dictionary<(string, string), GraphEvent>();
        foreach (var e in events.Where(e => e.Kind != GraphEventKind.Interaction))
        {
            var key = (e.UserId, e.TargetId);
            if (!last.TryGetValue(key, out var old) || e.TimestampMs > old.TimestampMs
                || (e.TimestampMs == old.TimestampMs && LiveGraph.TieOf(e.EventId) > LiveGraph.TieOf(old.EventId)))
            {
                last[key] = e;
            }
        }

        foreach (var (key, e) in last)
        {
            if (e.Kind == GraphEventKind.Follow) follows.Add(key);
            else follows.Remove(key);
        }

        foreach (var (a, c) in follows) b.AddFollow(a, c);
        for (int u = 0; u < g.UserCount; u++)
            for (int i = g.Interactions.Offsets[u]; i < g.Interactions.Offsets[u + 1]; i++)
                b.AddInteraction(g.Users[u], g.Contents[g.Interactions.Content[i]], g.Interactions.Kinds[i], g.Interactions.Timestamps[i], g.Interactions.Weights[i]);
        var held = new HashSet<(string, string, long, InteractionKind)>();
        foreach (var e in events.Where(e => e.Kind == GraphEventKind.Interaction))
            if (held.Add((e.UserId, e.TargetId, e.TimestampMs, e.Interaction))) b.AddInteraction(e.UserId, e.TargetId, e.Interaction, e.TimestampMs, e.Weight);
        return b.Build();
    }

    private static void AssertSameGraph(SocialGraph expected, SocialGraph actual)
    {
        Assert.Equal(expected.Following.Offsets, actual.Following.Offsets);
        Assert.Equal(expected.Following.Targets, actual.Following.Targets);
        Assert.Equal(expected.Followers.Offsets, actual.Followers.Offsets);
        Assert.Equal(expected.Followers.Targets, actual.Followers.Targets);
        Assert.Equal(expected.Interactions.Offsets, actual.Interactions.Offsets);
        Assert.Equal(expected.Interactions.Content, actual.Interactions.Content);
        Assert.Equal(expected.Interactions.Timestamps, actual.Interactions.Timestamps);
        Assert.Equal(expected.Interactions.Kinds, actual.Interactions.Kinds);
        Assert.Equal(expected.ContentUsers.Offsets, actual.ContentUsers.Offsets);
        Assert.Equal(expected.ContentUsers.Targets, actual.ContentUsers.Targets);
    }

    private static int Index(IdMap map, string id) => map.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);
}
