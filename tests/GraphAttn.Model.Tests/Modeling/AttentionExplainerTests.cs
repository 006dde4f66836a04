using GraphAttn.Model.Explanations;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Tests.Modeling;

public sealed class AttentionExplainerTests
{
    [Fact]
    public void Explain_CommunityGraph_ReturnsOwnFolloweesAndHistoryItemsRanked()
    {
        var graph = CommunityGraph.Build();
        var options = new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 5 };
        using var inputs = new GraphInputs(graph, options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        var explainer = new AttentionExplainer(model, inputs);
        var friends = explainer.TopFriends(0, 3);
        Assert.Equal(3, friends.Length);
        Assert.All(friends, f => Assert.True(graph.Following.Contains(0, f.Index), $"{f.Index} is not followed by 0"));
        Assert.True(friends[0].Score >= friends[1].Score && friends[1].Score >= friends[2].Score);
        var items = explainer.TopHistoryItems(0, 10);
        Assert.InRange(items.Length, 1, 5);
        Assert.All(items, i => Assert.Contains(i.Index, graph.Interactions.ContentOf(0).ToArray()));
        Assert.True(items.Sum(i => i.Score) <= 1.0001f);
        Assert.Empty(explainer.TopHistoryItems(graph.UserCount - 1, 3));
        Assert.Empty(explainer.TopFriends(graph.UserCount - 1, 3));
    }
}
