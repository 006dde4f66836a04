using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Functional;

public class RecommendContentTests
{
    private static Task<RecommendContentResponse> Call(TestServerHost host, RecommendContentRequest request) =>
        new RecommendationService.RecommendationServiceClient(host.Channel).RecommendContentAsync(request).Within();

    [Fact]
    public async Task RecommendContent_Default_ExcludesSeenAndRanksCoInteractionsFirst()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var r = await Call(host, new() { UserId = "ann", Limit = 10 });
        // ann saw m1 and m2. m2's other users bo and cy reach s1 and m3 through the graph filter, with equal weight (the
        // same degrees; ties by index); s2 is reached by nobody and, as popular as they are, comes last.
        Assert.Equal(["m3", "s1", "s2"], r.Items.Select(i => i.ContentId));
        Assert.Equal(r.Items[0].Score, r.Items[1].Score);
        Assert.True(r.Items[1].Score > r.Items[2].Score);
        Assert.Equal(["music"], r.Items[0].TopicIds);
        Assert.Empty(r.Items[0].Reasons);
        Assert.StartsWith("baseline@", r.Provenance.ModelVersion);
        Assert.Equal("baseline", r.Provenance.Method);
    }

    [Fact]
    public async Task RecommendContent_IncludeSeenAndTopicFilter_Applied()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var all = await Call(host, new() { UserId = "ann", Limit = 10, IncludeSeen = true });
        Assert.Equal(5, all.Items.Count);
        Assert.Contains(all.Items, i => i.ContentId == "m1");
        var sport = await Call(host, new() { UserId = "ann", Limit = 10, TopicId = "sport" });
        Assert.Equal(["s1", "s2"], sport.Items.Select(i => i.ContentId));
        var one = await Call(host, new() { UserId = "ann", Limit = 1 });
        Assert.Single(one.Items);
    }

    [Fact]
    public async Task RecommendContent_Explain_NamesFollowedUsersAndTopics()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var r = await Call(host, new() { UserId = "ann", Limit = 1, Explain = true });
        var reasons = r.Items[0].Reasons;
        var friends = Assert.Single(reasons, x => x.Kind == ReasonKind.FriendsEngaged);
        Assert.Equal("Cy, whom you follow, engaged with it", friends.Text);
        Assert.Equal("cy", Assert.Single(friends.Evidence).Id);
        var topic = Assert.Single(reasons, x => x.Kind == ReasonKind.TopicInterest);
        Assert.Equal("music", topic.Evidence[0].Id);
        Assert.Equal(1f, topic.Evidence[0].Weight, 4);
    }

    [Theory]
    [InlineData("", 10, "", "user_id")]
    [InlineData("ann", 0, "", "limit")]
    [InlineData("ann", -3, "", "limit")]
    [InlineData("ann", 101, "", "limit")]
    public async Task RecommendContent_BadArguments_InvalidArgumentWithFieldViolation(string user, int limit, string topic, string field)
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        await Rpc.BadRequest(field, () => Call(host, new() { UserId = user, Limit = limit, TopicId = topic }));
    }

    [Fact]
    public async Task RecommendContent_OverlongIds_InvalidArgumentNamingEachField()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var longId = new string('x', 129);
        await Rpc.BadRequest("user_id", () => Call(host, new() { UserId = longId, Limit = 5 }));
        await Rpc.BadRequest("topic_id", () => Call(host, new() { UserId = "ann", Limit = 5, TopicId = longId }));
    }

    [Fact]
    public async Task RecommendContent_UnknownUserOrTopic_NotFound()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var ex = await Rpc.FailsWith(StatusCode.NotFound, () => Call(host, new() { UserId = "zed", Limit = 5 }));
        Assert.Contains("zed", ex.Status.Detail);
        await Rpc.FailsWith(StatusCode.NotFound, () => Call(host, new() { UserId = "ann", Limit = 5, TopicId = "golf" }));
    }

    [Fact]
    public async Task RecommendContent_RequestOverSizeLimit_ResourceExhaustedNotInternal()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        await Rpc.FailsWith(StatusCode.ResourceExhausted,
            () => Call(host, new() { UserId = new string('x', 70_000), Limit = 5 }));
    }

    [Fact]
    public async Task RecommendContent_ExpiredDeadline_DeadlineExceeded()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);
        await Rpc.FailsWith(StatusCode.DeadlineExceeded, async () =>
            await client.RecommendContentAsync(new() { UserId = "ann", Limit = 5 }, deadline: DateTime.UtcNow.AddMilliseconds(-1)));
    }
}
