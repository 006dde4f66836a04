using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Functional;

public class ProfileTests
{
    private static Task<GetUserProfileResponse> Call(TestServerHost host, string user) =>
        new ProfileService.ProfileServiceClient(host.Channel).GetUserProfileAsync(new() { UserId = user }).Within();

    [Fact]
    public async Task GetUserProfile_Ann_InterestsInfluenceAndActivity()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var p = await Call(host, "ann");
        Assert.Equal("Ann", p.Name);
        var interest = Assert.Single(p.Interests);
        Assert.Equal(("music", 1f), (interest.TopicId, interest.Weight));
        // ann's m2 came after bo's and cy's m2: each explains half of ann's two interactions.
        Assert.Equal(["bo", "cy"], p.InfluentialFriends.Select(f => f.UserId));
        Assert.All(p.InfluentialFriends, f => Assert.Equal(0.5f, f.Weight, 4));
        Assert.Equal(2, p.Activity.InteractionCount);
        Assert.Equal(1, p.Activity.InteractionsByKind["like"]);
        Assert.Equal(1, p.Activity.InteractionsByKind["view"]);
        Assert.Equal(2, p.Activity.FollowingCount);
        Assert.Equal(0, p.Activity.FollowerCount);
        Assert.True(p.Activity.FirstActivity.ToDateTimeOffset() < p.Activity.LastActivity.ToDateTimeOffset());
        Assert.True(p.Community.Size >= 1);
        Assert.StartsWith("baseline@", p.Provenance.ModelVersion);
    }

    [Fact]
    public async Task GetUserProfile_AuthorWithOneInteraction_CountsPostsAndSportInterest()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var p = await Call(host, "eli");
        Assert.Equal(1, p.Activity.PostedCount);
        Assert.Equal("sport", Assert.Single(p.Interests).TopicId);
        Assert.Empty(p.InfluentialFriends);
    }

    [Fact]
    public async Task GetUserProfile_UserWithNoActivity_EmptyInterestsAndUnsetTimes()
    {
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small(extraUser: "quiet")));
        var p = await Call(host, "quiet");
        Assert.Empty(p.Interests);
        Assert.Equal(0, p.Activity.InteractionCount);
        Assert.Null(p.Activity.FirstActivity);
    }

    [Fact]
    public async Task GetUserProfile_BadOrUnknownUser()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        await Rpc.BadRequest("user_id", () => Call(host, ""));
        await Rpc.FailsWith(StatusCode.NotFound, () => Call(host, "nobody"));
    }
}
