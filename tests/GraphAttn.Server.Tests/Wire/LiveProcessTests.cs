using System.Diagnostics;
using GraphAttn.Contracts.V1;
using GraphAttn.Tests.Shared.Bolt;
using Grpc.Core;
using Grpc.Net.Client;

namespace GraphAttn.Server.Tests.Wire;

/// <summary>Two real server processes on one source: what one records, the other answers within a sync period.</summary>
public sealed class LiveProcessTests
{
    private const string SyncSeconds = "0.2";

    [Fact]
    public async Task TwoProcesses_OneDataFolder_ANewUserAndAnEventReachTheOther()
    {
        using var data = new TempFolder();
        var sync = new Dictionary<string, string> { ["GraphAttn__Sync__Seconds"] = SyncSeconds };
        await using var a = await RealServerProcess.StartAsync(data.Path, sync);
        await using var b = await RealServerProcess.StartAsync(data.Path, sync);
        await AssertReplicasConvergeAsync(a, b, "u000001");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(data.Path, "events"), "*.galog").Length);
    }

    [Fact]
    public async Task TwoProcesses_OneNeo4j_ANewUserAndAnEventReachTheOtherThroughTheChangeFeed()
    {
        await using var neo4j = new FakeNeo4j(new FakeNeo4jStore().With(SeedData.Sample()));
        var settings = new Dictionary<string, string>
        {
            ["GraphAttn__Sync__Seconds"] = SyncSeconds,
            ["GraphAttn__Sync__OverlapSeconds"] = "0",
            ["GraphAttn__Graph__Source"] = "neo4j",
            ["GraphAttn__Graph__Cache"] = "off",
            ["Neo4j__Uri"] = neo4j.Uri.ToString(),
            ["Neo4j__Password"] = StubScripts.Password,
        };
        await using var a = await RealServerProcess.StartAsync(environment: settings);
        await using var b = await RealServerProcess.StartAsync(environment: settings);
        await AssertReplicasConvergeAsync(a, b, "u000002");
        Assert.Empty(neo4j.Unknown);
        Assert.True(neo4j.Store.Read(s => s.Users.ContainsKey("newcomer") && s.Follows.ContainsKey(("newcomer", "u000001"))));
    }

    // A records a new user who follows someone, B records an interaction with A's top item for a user; each sees the
    // other's within the deadline.
    private static async Task AssertReplicasConvergeAsync(RealServerProcess a, RealServerProcess b, string user)
    {
        using var channelA = GrpcChannel.ForAddress(a.Address);
        using var channelB = GrpcChannel.ForAddress(b.Address);
        var recsA = new RecommendationService.RecommendationServiceClient(channelA);
        var content = (await recsA.RecommendContentAsync(new() { UserId = user, Limit = 1 }).Within()).Items[0].ContentId;

        await new EventService.EventServiceClient(channelA).UpsertUserAsync(new() { UserId = "newcomer", Name = "Newcomer" }).Within();
        await new EventService.EventServiceClient(channelA).RecordFollowAsync(new() { FollowerId = "newcomer", FolloweeId = "u000001" }).Within();
        var recorded = Stopwatch.StartNew();
        await new EventService.EventServiceClient(channelB).RecordInteractionAsync(new() { UserId = user, ContentId = content, Kind = InteractionKind.Like }).Within();

        var profilesB = new ProfileService.ProfileServiceClient(channelB);
        await Until(async () => (await profilesB.GetUserProfileAsync(new() { UserId = "newcomer" }).Within()).Activity.FollowingCount == 1, "the new user on B");
        await Until(async () => !(await recsA.RecommendContentAsync(new() { UserId = user, Limit = 100 }).Within()).Items.Any(i => i.ContentId == content),
            "B's interaction on A");
        // Generous against a loaded machine; on an idle one both arrive within one or two sync periods.
        Assert.True(recorded.Elapsed < TimeSpan.FromSeconds(5), $"took {recorded.Elapsed}");
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // Not there yet.
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
