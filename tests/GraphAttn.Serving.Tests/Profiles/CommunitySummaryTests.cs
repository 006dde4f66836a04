using GraphAttn.Graph;
using GraphAttn.Serving.Profiles;

namespace GraphAttn.Serving.Tests.Profiles;

public class CommunitySummaryTests
{
    [Fact]
    public void Build_TwoCommunities_SizesAndTopicSharesPerCommunity()
    {
        var b = new GraphBuilder();
        foreach (var u in new[] { "a", "b", "c" }) b.AddUser(u);
        b.AddTopic("music"); b.AddTopic("sport");
        b.AddContent("m"); b.AddContent("s"); b.AddContent("ms");
        b.AddTagged("m", "music"); b.AddTagged("s", "sport"); b.AddTagged("ms", "music"); b.AddTagged("ms", "sport");
        b.AddInteraction("a", "m", InteractionKind.View, 1);
        b.AddInteraction("b", "ms", InteractionKind.View, 2);
        b.AddInteraction("c", "s", InteractionKind.View, 3);
        var g = b.Build();

        var summary = CommunitySummary.Build(g, [0, 0, 1]);

        Assert.Equal([2, 1], summary.Sizes);
        // Community 0: a→music, b→music+sport: music 2 of 3 topic hits, sport 1 of 3.
        Assert.Equal(2f / 3, summary.TopicShares[0][0], 5);
        Assert.Equal(1f / 3, summary.TopicShares[0][1], 5);
        Assert.Equal([0f, 1f], summary.TopicShares[1]);
    }
}
