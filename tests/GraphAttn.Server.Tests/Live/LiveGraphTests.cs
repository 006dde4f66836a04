using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using GraphAttn.Serving.Events.Log;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Live;

/// <summary>The CSV source's living graph through the API: durable events, restarts, shared folders, compaction.</summary>
public class LiveGraphTests
{
    [Fact]
    public async Task Events_RestartOnTheSameDataFolder_AreAllStillApplied()
    {
        using var data = new TempFolder();
        await using (var host = await StartAsync(data))
        {
            var events = new EventService.EventServiceClient(host.Channel);
            Assert.True((await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.View }).Within()).Changed);
            Assert.True((await events.RecordFollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
            Assert.True((await events.UpsertUserAsync(new() { UserId = "zed", Name = "Zed" }).Within()).Changed);
            Assert.True((await events.RecordFollowAsync(new() { FollowerId = "zed", FolloweeId = "ann" }).Within()).Changed);
            Assert.True((await events.UpsertContentAsync(new() { ContentId = "j1", Title = "Jazz", TopicIds = { "jazz", "music" }, AuthorId = "zed" }).Within()).Changed);
        }

        await using var restarted = await StartAsync(data);
        var recs = new RecommendationService.RecommendationServiceClient(restarted.Channel);
        var content = await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 10 }).Within();
        Assert.DoesNotContain("m3", content.Items.Select(i => i.ContentId));
        var friends = await recs.RecommendFriendsAsync(new() { UserId = "cy", Limit = 10 }).Within();
        Assert.Equal(["bo"], friends.Users.Select(u => u.UserId));
        var zed = await new ProfileService.ProfileServiceClient(restarted.Channel).GetUserProfileAsync(new() { UserId = "zed" }).Within();
        Assert.Equal("Zed", zed.Name);
        Assert.Equal(1, zed.Activity.FollowingCount);
        Assert.Equal(1, zed.Activity.PostedCount);
        var info = await new AdminService.AdminServiceClient(restarted.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Equal(6, info.Counts.Users);
        Assert.Equal(6, info.Counts.Contents);
        Assert.Equal(3, info.Counts.Topics);
        Assert.StartsWith("event-log:", info.Live.Store);
        Assert.Empty(info.Live.Problems);
    }

    [Fact]
    public async Task EventId_Retried_IsAppliedAndStoredOnce()
    {
        using var data = new TempFolder();
        await using var host = await StartAsync(data);
        var events = new EventService.EventServiceClient(host.Channel);
        var profiles = new ProfileService.ProfileServiceClient(host.Channel);
        var before = (await profiles.GetUserProfileAsync(new() { UserId = "eli" }).Within()).Activity.InteractionCount;

        var first = await events.RecordInteractionAsync(new() { UserId = "eli", ContentId = "m1", Kind = InteractionKind.Like, EventId = "retry-1" }).Within();
        var again = await events.RecordInteractionAsync(new() { UserId = "eli", ContentId = "m1", Kind = InteractionKind.Like, EventId = "retry-1" }).Within();
        var generated = await events.RecordInteractionAsync(new() { UserId = "eli", ContentId = "m2", Kind = InteractionKind.View }).Within();

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal("retry-1", again.EventId);
        Assert.Equal(32, generated.EventId.Length);
        Assert.Equal(before + 2, (await profiles.GetUserProfileAsync(new() { UserId = "eli" }).Within()).Activity.InteractionCount);
        var stored = Directory.GetFiles(Path.Combine(data.Path, "events"), "*.galog").SelectMany(f => EventLogFile.Scan(f).Events).ToList();
        Assert.Single(stored, e => e.EventId == "retry-1");
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task TwoHosts_OneDataFolder_SeeEachOthersEventsAndNewUsersWithinASyncPeriod()
    {
        using var data = new TempFolder();
        await using var a = await StartAsync(data);
        await using var b = await StartAsync(data);
        var onA = new EventService.EventServiceClient(a.Channel);
        var onB = new EventService.EventServiceClient(b.Channel);

        await onA.UpsertUserAsync(new() { UserId = "newbie", Name = "Newbie" }).Within();
        await onA.RecordFollowAsync(new() { FollowerId = "newbie", FolloweeId = "ann" }).Within();
        await onB.RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.View }).Within();

        var profilesOnB = new ProfileService.ProfileServiceClient(b.Channel);
        await Eventually(async () => (await profilesOnB.GetUserProfileAsync(new() { UserId = "newbie" }).Within()).Activity.FollowingCount == 1,
            "the new user and their follow on the other host");
        var recsOnA = new RecommendationService.RecommendationServiceClient(a.Channel);
        await Eventually(async () => !(await recsOnA.RecommendContentAsync(new() { UserId = "ann", Limit = 10 }).Within()).Items.Any(i => i.ContentId == "m3"),
            "the other host's interaction excluding the item");
        var logs = Directory.GetFiles(Path.Combine(data.Path, "events"), "*.galog");
        Assert.Equal(2, logs.Length);
    }

    [Fact]
    public async Task Compaction_UnderManyEvents_EmptiesTheOverlayAndAnswersStayRight()
    {
        using var data = new TempFolder();
        await using var host = await StartAsync(data, new() { ["GraphAttn:Sync:CompactEvents"] = "20" });
        var events = new EventService.EventServiceClient(host.Channel);
        var admin = new AdminService.AdminServiceClient(host.Channel);
        var t = DateTimeOffset.UtcNow.AddHours(-1);
        for (int i = 0; i < 60; i++)
        {
            await events.RecordInteractionAsync(new()
            {
                UserId = "eli",
                ContentId = i % 2 == 0 ? "m1" : "s1",
                Kind = InteractionKind.Play,
                Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(t.AddSeconds(i)),
            }).Within();
        }

        await events.RecordFollowAsync(new() { FollowerId = "eli", FolloweeId = "ann" }).Within();
        await events.RecordUnfollowAsync(new() { FollowerId = "dee", FolloweeId = "eli" }).Within();
        // 62 events at a threshold of 20: compactions at 20, 40 and 60, each in the background, so the count of two
        // can be reached while the third batch still waits in the overlay; what must hold in the end is both.
        await Eventually(async () => (await admin.GetServiceInfoAsync(new()).Within()).Live is { Compactions: >= 2, OverlayEvents: < 20 },
            "at least two compactions and fewer than 20 events left in the overlay");

        var info = await admin.GetServiceInfoAsync(new()).Within();
        Assert.True(info.Counts.Interactions >= 10 + 40, $"{info.Counts.Interactions} interactions in the compacted graph");
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);
        var content = await recs.RecommendContentAsync(new() { UserId = "eli", Limit = 10 }).Within();
        Assert.DoesNotContain(content.Items, i => i.ContentId is "m1" or "s1" or "s2");
        var friends = await recs.RecommendFriendsAsync(new() { UserId = "eli", Limit = 10 }).Within();
        Assert.DoesNotContain(friends.Users, u => u.UserId == "ann");
        var eli = await new ProfileService.ProfileServiceClient(host.Channel).GetUserProfileAsync(new() { UserId = "eli" }).Within();
        Assert.Equal(61, eli.Activity.InteractionCount);
        Assert.Equal(1, eli.Activity.FollowingCount);
        var dee = await new ProfileService.ProfileServiceClient(host.Channel).GetUserProfileAsync(new() { UserId = "dee" }).Within();
        Assert.Equal(0, dee.Activity.FollowingCount);
    }

    [Fact]
    public async Task Start_ALogWithATornTail_CutsItReportsItAndServes()
    {
        using var data = new TempFolder();
        await using (var host = await StartAsync(data, new() { ["GraphAttn:Events:ReplicaId"] = "pod-a" }))
        {
            await new EventService.EventServiceClient(host.Channel).RecordInteractionAsync(new() { UserId = "eli", ContentId = "m1", Kind = InteractionKind.View }).Within();
        }

        string log = Path.Combine(data.Path, "events", "pod-a.galog");
        await File.AppendAllBytesAsync(log, [0x40, 0, 0, 0, 1, 2, 3]);

        await using var restarted = await StartAsync(data, new() { ["GraphAttn:Events:ReplicaId"] = "pod-a" });
        var info = await new AdminService.AdminServiceClient(restarted.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Contains(info.Live.Problems, p => p.StartsWith("pod-a.galog: a torn record at byte", StringComparison.Ordinal));
        var content = await new RecommendationService.RecommendationServiceClient(restarted.Channel).RecommendContentAsync(new() { UserId = "eli", Limit = 10 }).Within();
        Assert.DoesNotContain(content.Items, i => i.ContentId == "m1");
    }

    [Fact]
    public async Task Events_OnUnknownNodes_NotFoundUntilCreated()
    {
        using var data = new TempFolder();
        await using var host = await StartAsync(data);
        var events = new EventService.EventServiceClient(host.Channel);
        await Rpc.FailsWith(StatusCode.NotFound, async () => await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "new1", Kind = InteractionKind.Like }));
        await Rpc.FailsWith(StatusCode.NotFound, async () => await events.UpsertContentAsync(new() { ContentId = "new1", AuthorId = "nobody" }));
        await Rpc.BadRequest("topic_ids", async () => await events.UpsertContentAsync(new() { ContentId = "new1", TopicIds = { "" } }));

        await events.UpsertContentAsync(new() { ContentId = "new1", Title = "New", TopicIds = { "music" } }).Within();
        Assert.True((await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "new1", Kind = InteractionKind.Like }).Within()).Changed);
        var recs = await new RecommendationService.RecommendationServiceClient(host.Channel)
            .RecommendContentAsync(new() { UserId = "bo", Limit = 10, TopicId = "music", IncludeSeen = true }).Within();
        Assert.Contains(recs.Items, i => i.ContentId == "new1" && i.TopicIds.Contains("music"));
    }

    private static Task<TestServerHost> StartAsync(TempFolder data, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["GraphAttn:Model:DataPath"] = data.Path,
            ["GraphAttn:Sync:Seconds"] = "0.1",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return TestServerHost.StartAsync(TestGraphs.Small(), all);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; NOT_FOUND counts as "not yet".</summary>
    internal static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await Holds(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> Holds(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
