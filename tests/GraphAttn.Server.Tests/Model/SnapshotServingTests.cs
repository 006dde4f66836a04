using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Health.V1;

namespace GraphAttn.Server.Tests.Model;

/// <summary>Answers ranked by a snapshot from the snapshot folder: retrieval, filters, attention reasons, profiles, status.</summary>
public sealed class SnapshotServingTests
{
    [Fact]
    public async Task RecommendContent_SnapshotInFolder_RanksByEmbeddingsExcludingSeen_WithAttentionReasons()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);

        var response = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 3, Explain = true }).Within();

        Assert.Equal("gat", response.Provenance.Method);
        Assert.Equal("test-model-0", response.Provenance.ModelVersion);
        // Ann (1, 0) has seen m1 and m2: m3 0.8, s2 0.1, s1 0.
        Assert.Equal(["m3", "s2", "s1"], response.Items.Select(i => i.ContentId));
        Assert.Equal(0.8f, response.Items[0].Score, 5);
        var friends = response.Items[0].Reasons.Single(r => r.Kind == ReasonKind.FriendsEngaged);
        Assert.Equal("Cy, whom you attend to, engaged with it", friends.Text);
        Assert.Equal(0.4f, friends.Evidence.Single().Weight, 5);
        var history = response.Items[0].Reasons.Single(r => r.Kind == ReasonKind.SimilarToHistory);
        // m1: 0.7 x cos 1 = 0.7; m2: 0.3 x 0.99 = 0.30, under half the strongest, so not named.
        Assert.Equal(["m1"], history.Evidence.Select(e => e.Id));
        Assert.Equal("Because you engaged with Song m1", history.Text);
        Assert.Equal(0.7f, history.Evidence[0].Weight, 4);
    }

    [Fact]
    public async Task RecommendContent_TopicFilterAndIncludeSeen_AppliedToModelRanking()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);

        var sport = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 5, TopicId = "sport" }).Within();
        var all = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 2, IncludeSeen = true }).Within();

        Assert.Equal(["s2", "s1"], sport.Items.Select(i => i.ContentId));
        Assert.Equal(["m1", "m2"], all.Items.Select(i => i.ContentId));
    }

    [Fact]
    public async Task RecommendFriends_Snapshot_NeverSelfOrFollowed_ReasonsNameAttendedFriends()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);

        var response = await client.RecommendFriendsAsync(new RecommendFriendsRequest { UserId = "ann", Limit = 5, Explain = true }).Within();

        Assert.Equal("gat", response.Provenance.Method);
        Assert.Equal(["dee", "eli"], response.Users.Select(u => u.UserId));
        var reason = response.Users[0].Reasons.Single();
        Assert.Equal(ReasonKind.MutualFriends, reason.Kind);
        Assert.Equal("Followed by Bo and Cy, whom you attend to", reason.Text);
        Assert.Equal([0.6f, 0.4f], reason.Evidence.Select(e => e.Weight));
    }

    [Fact]
    public async Task GetUserProfile_Snapshot_InterestsAndInfluenceFromAttention()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var client = new ProfileService.ProfileServiceClient(host.Channel);

        var profile = await client.GetUserProfileAsync(new GetUserProfileRequest { UserId = "ann" }).Within();

        Assert.Equal("gat", profile.Provenance.Method);
        // Baselines would say bo 0.5, cy 0.5 (each engaged first with one of Ann's two items).
        Assert.Equal(["bo", "cy"], profile.InfluentialFriends.Select(f => f.UserId));
        Assert.Equal([0.6f, 0.4f], profile.InfluentialFriends.Select(f => f.Weight));
        var interest = Assert.Single(profile.Interests);
        Assert.Equal(("music", 1f), (interest.TopicId, interest.Weight));
        Assert.Equal((2, 2), (profile.Activity.InteractionCount, profile.Activity.FollowingCount)); // still from the graph
    }

    [Fact]
    public async Task ServiceInfoAndHealth_ShowWhetherModelOrBaselinesAnswer()
    {
        using var folder = new TempFolder();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: new(SmallSnapshots.Settings(folder.Path))
        {
            ["GraphAttn:Model:WatchFolder"] = "false",
            ["GraphAttn:Model:PollSeconds"] = "3600", // only the RPC picks it up
        });
        var admin = new AdminService.AdminServiceClient(host.Channel);
        var health = new Grpc.Health.V1.Health.HealthClient(host.Channel);

        var before = await admin.GetServiceInfoAsync(new GetServiceInfoRequest()).Within();
        var modelBefore = await health.CheckAsync(new HealthCheckRequest { Service = "graphattn.v1.Model" }).Within();
        var overall = await health.CheckAsync(new HealthCheckRequest()).Within();
        SmallSnapshots.Write(folder.Path, 0);
        var reload = await admin.ReloadSnapshotAsync(new ReloadSnapshotRequest()).Within();
        var after = await admin.GetServiceInfoAsync(new GetServiceInfoRequest()).Within();
        var modelAfter = await health.CheckAsync(new HealthCheckRequest { Service = "graphattn.v1.Model" }).Within();

        Assert.Equal(("baseline", ModelPhase.Waiting, "baseline"), (before.Model.Live, before.Model.Phase, before.Provenance.Method));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, modelBefore.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        Assert.Equal("swapped", reload.SnapshotOutcome);
        Assert.Equal(("baseline", "gat"), (reload.Previous.Method, reload.Current.Method));
        Assert.Equal(("gat", ModelPhase.Live, "test-model-0"), (after.Model.Live, after.Model.Phase, after.Model.ModelId));
        Assert.EndsWith("snapshot-0000.gasnap", after.Model.SnapshotPath);
        Assert.Equal("gat", after.Provenance.Method);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, modelAfter.Status);
    }

    [Fact]
    public async Task ReloadSnapshot_CorruptNewerFile_RejectedWithReason_OldSnapshotKeepsServing()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()),
            settings: new(SmallSnapshots.Settings(folder.Path)) { ["GraphAttn:Model:PollSeconds"] = "3600" });
        var admin = new AdminService.AdminServiceClient(host.Channel);
        using var staging = new TempFolder();
        var staged = SmallSnapshots.Write(staging.Path, 1);
        var bytes = await File.ReadAllBytesAsync(staged);
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(staged, bytes);
        File.SetLastWriteTimeUtc(staged, DateTime.UtcNow.AddHours(1));
        File.Move(staged, Path.Combine(folder.Path, "snapshot-0001.gasnap")); // appears whole, as a rename does

        var reload = await admin.ReloadSnapshotAsync(new ReloadSnapshotRequest()).Within();
        var content = await new RecommendationService.RecommendationServiceClient(host.Channel)
            .RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 1 }).Within();

        Assert.Contains(reload.RejectedSnapshots, r => r.Contains("snapshot-0001.gasnap") && r.Contains("checksum"));
        Assert.Equal("test-model-0", content.Provenance.ModelVersion);
        Assert.Equal("m3", content.Items.Single().ContentId);
    }

    [Fact]
    public async Task ModeOff_NoStoreAndBaselinesAnswer()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();

        Assert.Null(host.Models.Store);
        Assert.Equal(("baseline", ModelPhase.Disabled), (info.Model.Live, info.Model.Phase));
    }
}
