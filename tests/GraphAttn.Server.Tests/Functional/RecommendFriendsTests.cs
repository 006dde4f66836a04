using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Functional;

public class RecommendFriendsTests
{
    private static Task<RecommendFriendsResponse> Call(TestServerHost host, RecommendFriendsRequest request) =>
        new RecommendationService.RecommendationServiceClient(host.Channel).RecommendFriendsAsync(request).Within();

    [Fact]
    public async Task RecommendFriends_Ann_SuggestsDeeWithTwoMutualFriends()
    {
        // ann's ties: bo, cy (both degree 2); both tie to dee, so AA(ann, dee) = 2 / ln 2. eli is 3 hops away.
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var r = await Call(host, new() { UserId = "ann", Limit = 10, Explain = true });
        var dee = Assert.Single(r.Users);
        Assert.Equal("dee", dee.UserId);
        Assert.Equal(2 / MathF.Log(2), dee.Score, 4);
        Assert.Equal(2, dee.MutualFriendCount);
        var reason = Assert.Single(dee.Reasons);
        Assert.Equal(ReasonKind.MutualFriends, reason.Kind);
        Assert.Equal("You share 2 friends: Bo and Cy", reason.Text);
        Assert.Equal(1f, reason.Evidence.Sum(e => e.Weight), 4);
    }

    [Fact]
    public async Task RecommendFriends_NeverSelfOrAlreadyFollowed()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var r = await Call(host, new() { UserId = "cy", Limit = 10 });
        // cy follows dee; candidates: bo (via ann and dee) and eli (via dee).
        Assert.Equal(["bo", "eli"], r.Users.Select(u => u.UserId));
        Assert.Empty(r.Users[0].Reasons);
    }

    [Fact]
    public async Task RecommendFriends_BadArgumentsAndUnknownUser()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        await Rpc.BadRequest("user_id", () => Call(host, new() { UserId = "", Limit = 3 }));
        await Rpc.BadRequest("limit", () => Call(host, new() { UserId = "ann", Limit = 0 }));
        await Rpc.BadRequest("limit", () => Call(host, new() { UserId = "ann", Limit = 1000 }));
        await Rpc.FailsWith(StatusCode.NotFound, () => Call(host, new() { UserId = "nobody", Limit = 3 }));
    }
}
