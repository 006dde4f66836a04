using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Server.Tests.Functional;

public class EventTests
{
    [Fact]
    public async Task RecordInteraction_NextRecommendationExcludesTheItem()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var events = new EventService.EventServiceClient(host.Channel);
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);
        Assert.Equal("m3", (await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 1 }).Within()).Items[0].ContentId);

        var ack = await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.View }).Within();
        Assert.True(ack.Changed);
        Assert.StartsWith("baseline@", ack.Provenance.ModelVersion);

        var after = await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 10 }).Within();
        Assert.Equal(["s1", "s2"], after.Items.Select(i => i.ContentId));
        var again = await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.Like }).Within();
        Assert.False(again.Changed);
    }

    [Fact]
    public async Task RecordFollowThenUnfollow_FriendSuggestionsFollowTheEvents()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var events = new EventService.EventServiceClient(host.Channel);
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);
        async Task<string[]> Friends() =>
            (await recs.RecommendFriendsAsync(new() { UserId = "cy", Limit = 10 }).Within()).Users.Select(u => u.UserId).ToArray();

        Assert.Equal(["bo", "eli"], await Friends());
        Assert.True((await events.RecordFollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
        Assert.Equal(["bo"], await Friends());
        Assert.False((await events.RecordFollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
        Assert.True((await events.RecordUnfollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
        Assert.Equal(["bo", "eli"], await Friends());
        // Unfollowing someone followed in the graph changes state; unfollowing a stranger does not.
        Assert.True((await events.RecordUnfollowAsync(new() { FollowerId = "cy", FolloweeId = "dee" }).Within()).Changed);
        Assert.False((await events.RecordUnfollowAsync(new() { FollowerId = "cy", FolloweeId = "bo" }).Within()).Changed);
    }

    [Fact]
    public async Task FollowThenUnfollow_WithinOneMillisecond_TheLaterCallWins()
    {
        // A clock that never moves: every call lands in the same millisecond, where event ids alone would order them.
        var frozen = new FrozenClock(DateTimeOffset.UtcNow);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()),
            services: s => s.AddSingleton<TimeProvider>(frozen));
        var events = new EventService.EventServiceClient(host.Channel);
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);

        for (int i = 0; i < 10; i++)
        {
            Assert.True((await events.RecordFollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
            Assert.True((await events.RecordUnfollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }).Within()).Changed);
        }

        var friends = await recs.RecommendFriendsAsync(new() { UserId = "cy", Limit = 10 }).Within();
        Assert.Contains("eli", friends.Users.Select(u => u.UserId));
    }

    [Fact]
    public async Task Events_BadInput_InvalidArgumentOrNotFound()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var events = new EventService.EventServiceClient(host.Channel);
        await Rpc.BadRequest("kind", async () => await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3" }));
        await Rpc.BadRequest("content_id", async () => await events.RecordInteractionAsync(new() { UserId = "ann", Kind = InteractionKind.Like }));
        await Rpc.BadRequest("timestamp", async () => await events.RecordInteractionAsync(new()
        {
            UserId = "ann",
            ContentId = "m3",
            Kind = InteractionKind.Like,
            Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        }));
        await Rpc.FailsWith(StatusCode.NotFound, async () => await events.RecordInteractionAsync(new() { UserId = "ann", ContentId = "zz", Kind = InteractionKind.Like }));
        await Rpc.BadRequest("followee_id", async () => await events.RecordFollowAsync(new() { FollowerId = "ann", FolloweeId = "ann" }));
        await Rpc.BadRequest("follower_id", async () => await events.RecordFollowAsync(new() { FolloweeId = "ann" }));
        await Rpc.FailsWith(StatusCode.NotFound, async () => await events.RecordUnfollowAsync(new() { FollowerId = "ann", FolloweeId = "zz" }));
    }

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
