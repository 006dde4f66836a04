using Google.Rpc;
using GraphAttn.Contracts.V1;
using GraphAttn.Neo4j.Events;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Tests.Shared.Bolt;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Live;

/// <summary>
/// The Neo4j source's living graph through the API, against <see cref="FakeNeo4j"/>: events written there as Neo4j
/// would receive them, other replicas' writes arriving through the change feed, the spool while it is down.
/// </summary>
public sealed class Neo4jLiveTests : IAsyncDisposable
{
    private static readonly EventStatements Writes = new(new Neo4jSchema());
    private readonly FakeNeo4j _neo4j = new(new FakeNeo4jStore().With(SeedData.Sample()));

    public async ValueTask DisposeAsync() => await _neo4j.DisposeAsync();

    [Fact]
    public async Task TwoReplicas_EventsAndNewUsersWrittenToNeo4j_ReachTheOtherThroughTheChangeFeed()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var onA = new EventService.EventServiceClient(a.Channel);
        var onB = new EventService.EventServiceClient(b.Channel);

        await onA.UpsertUserAsync(new() { UserId = "u000100", Name = "Hana", EventId = "n-1" }).Within();
        await onA.RecordFollowAsync(new() { FollowerId = "u000100", FolloweeId = "u000001", EventId = "f-1" }).Within();
        await onA.RecordInteractionAsync(new() { UserId = "u000001", ContentId = "c000003", Kind = InteractionKind.Like, EventId = "i-1" }).Within();
        await onB.RecordUnfollowAsync(new() { FollowerId = "u000004", FolloweeId = "u000001", EventId = "x-1" }).Within();

        // Written as Neo4j receives them, acknowledged only after.
        Assert.Contains(_neo4j.RunsOf(Writes.Interactions), p => Rows(p).Any(r => (string)r["id"]! == "i-1" && (string)r["kind"]! == "like"));
        Assert.True(_neo4j.Store.Read(s => s.Users.ContainsKey("u000100") && s.Follows.ContainsKey(("u000100", "u000001"))
                                           && s.Tombstones.ContainsKey(("u000004", "u000001")) && !s.Follows.ContainsKey(("u000004", "u000001"))));

        var profilesOnB = new ProfileService.ProfileServiceClient(b.Channel);
        await LiveGraphTests.Eventually(async () => (await profilesOnB.GetUserProfileAsync(new() { UserId = "u000100" }).Within()).Activity.FollowingCount == 1,
            "the new user and their follow on the other replica");
        var recsOnB = new RecommendationService.RecommendationServiceClient(b.Channel);
        await LiveGraphTests.Eventually(async () => !(await recsOnB.RecommendContentAsync(new() { UserId = "u000001", Limit = 10 }).Within())
            .Items.Any(i => i.ContentId == "c000003"), "the interaction on the other replica");
        var profilesOnA = new ProfileService.ProfileServiceClient(a.Channel);
        await LiveGraphTests.Eventually(async () => (await profilesOnA.GetUserProfileAsync(new() { UserId = "u000004" }).Within()).Activity.FollowingCount == 0,
            "the unfollow (a tombstone in Neo4j) on the other replica");
        Assert.Empty(_neo4j.Unknown);
        // Each replica read its own writes back from the feed too, and applied them once: one like in the seed data, one live.
        var info = await new AdminService.AdminServiceClient(a.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Equal(("neo4j", "direct"), (info.Live.Store, info.Live.Mode));
        await Task.Delay(300); // three sync periods, in which a second application would show
        Assert.Equal(2, (await profilesOnA.GetUserProfileAsync(new() { UserId = "u000001" }).Within()).Activity.InteractionsByKind["like"]);
        Assert.Equal(2, (await profilesOnB.GetUserProfileAsync(new() { UserId = "u000001" }).Within()).Activity.InteractionsByKind["like"]);
    }

    [Fact]
    public async Task Neo4jDown_EventsSpooledAndAcknowledged_ForwardedInOrderWhenItReturns()
    {
        await using var host = await StartAsync();
        var events = new EventService.EventServiceClient(host.Channel);
        var admin = new AdminService.AdminServiceClient(host.Channel);
        _neo4j.SetDown(true);

        string[] ids = ["s-1", "s-2", "s-3", "s-4"];
        foreach (var (id, content) in ids.Zip(new[] { "c000002", "c000003", "c000004", "c000005" }))
        {
            Assert.True((await events.RecordInteractionAsync(new() { UserId = "u000006", ContentId = content, Kind = InteractionKind.View, EventId = id }).Within()).Changed);
        }

        var spooling = await admin.GetServiceInfoAsync(new()).Within();
        Assert.Equal("spooling", spooling.Live.Mode);
        Assert.True(spooling.Live.SpoolBytes > 0);
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);
        Assert.DoesNotContain((await recs.RecommendContentAsync(new() { UserId = "u000006", Limit = 10 }).Within()).Items, i => i.ContentId == "c000003");
        Assert.Empty(_neo4j.Store.Read(s => s.Interactions.Where(x => ids.Contains(x.EventId)).ToList()));

        _neo4j.SetDown(false);
        await TestTimeouts.Until(() => _neo4j.Store.Read(s => s.Interactions.Count(x => ids.Contains(x.EventId))) == 4, "the spool forwarded");
        Assert.Equal(ids, _neo4j.Store.Read(s => s.Interactions.Where(x => ids.Contains(x.EventId)).Select(x => x.EventId!).ToList()));
        await LiveGraphTests.Eventually(async () => (await admin.GetServiceInfoAsync(new()).Within()).Live is { Mode: "direct", SpoolBytes: 0 },
            "direct writes again");
        await events.RecordFollowAsync(new() { FollowerId = "u000006", FolloweeId = "u000002", EventId = "after" }).Within();
        Assert.True(_neo4j.Store.Read(s => s.Follows.ContainsKey(("u000006", "u000002"))));
    }

    [Fact]
    public async Task SpoolFull_EventRefusedWithUnavailableAndARetryDelay()
    {
        await using var host = await StartAsync(new() { ["GraphAttn:Events:SpoolMaxBytes"] = "4096" });
        var events = new EventService.EventServiceClient(host.Channel);
        _neo4j.SetDown(true);
        RpcException? refused = null;
        for (int i = 0; i < 100 && refused is null; i++)
        {
            try
            {
                await events.RecordFollowAsync(new() { FollowerId = "u000005", FolloweeId = i % 2 == 0 ? "u000006" : "u000007", EventId = $"full-{i}" }).Within();
            }
            catch (RpcException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.NotNull(refused.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IReadOnlyDictionary<string, object?> parameters) =>
        ((object?[])parameters["rows"]!).Cast<IReadOnlyDictionary<string, object?>>();

    private Task<TestServerHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["GraphAttn:Graph:Source"] = "neo4j",
            ["GraphAttn:Graph:Cache"] = "off",
            ["GraphAttn:Sync:Seconds"] = "0.1",
            ["GraphAttn:Sync:SpoolRetrySeconds"] = "0.2",
            ["Neo4j:Uri"] = _neo4j.Uri.ToString(),
            ["Neo4j:Password"] = StubScripts.Password,
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return TestServerHost.StartAsync((GraphAttn.Graph.IGraphSource?)null, settings: all);
    }
}
