using GraphAttn.Graph;
using GraphAttn.Serving.Recommending;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>Which followees engaged with an item: the same set whichever side is read.</summary>
public sealed class ContentReasonsTests
{
    [Fact]
    public void EngagedFollowees_DemoGraph_SameAsIntersectingTheItemsUsers()
    {
        var g = SampleGraphs.Demo;
        for (int user = 0; user < g.UserCount; user += 50)
        {
            for (int content = 0; content < g.ContentCount; content++)
            {
                var expected = SortedIntersection.Common(g.Following.Neighbors(user), g.ContentUsers.Neighbors(content));
                Assert.Equal(expected, ContentReasons.EngagedFollowees(g, user, content));
            }
        }
    }

    [Fact]
    public void EngagedFollowees_FolloweesWithLongHistories_SearchesTheItemsUsers()
    {
        // Two followees with 500 plays each against items of one or two users: the item's list is read instead.
        var builder = new GraphBuilder();
        foreach (var id in new[] { "me", "b", "c", "d" }) builder.AddUser(id);
        for (int i = 0; i < 500; i++) builder.AddContent($"x{i:D3}");
        for (int i = 0; i < 500; i++)
        {
            builder.AddInteraction("b", $"x{i:D3}", InteractionKind.View, i);
            builder.AddInteraction("c", $"x{i:D3}", InteractionKind.View, i);
        }
        builder.AddInteraction("d", "x007", InteractionKind.View, 0);
        builder.AddFollow("me", "b");
        builder.AddFollow("me", "c");
        builder.AddFollow("me", "d");
        var g = builder.Build();
        int Index(string id) => g.Users.TryGetIndex(id, out var i) ? i : -1;
        int Content(string id) => g.Contents.TryGetIndex(id, out var i) ? i : -1;

        Assert.Equal(new[] { Index("b"), Index("c"), Index("d") }.Order(), ContentReasons.EngagedFollowees(g, Index("me"), Content("x007")));
        Assert.Equal(new[] { Index("b"), Index("c") }.Order(), ContentReasons.EngagedFollowees(g, Index("me"), Content("x100")));
        Assert.Empty(ContentReasons.EngagedFollowees(g, Index("d"), Content("x100")));
    }
}
