using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Graph.Tests.Splits;

public sealed class SplitProfileTests
{
    // c0: trained by u0 and u1, tested for u2 (popular). c1: only held out (validation u2, test u1), so no training user.
    // c2: trained by u0, tested for u3 (one training user). c3: untagged, tested for u2, never trained on.
    private static readonly (int User, int Content)[] Plays = [(0, 0), (1, 0), (2, 0), (1, 1), (2, 1), (0, 2), (3, 2), (2, 3)];
    private static readonly (int, int)[] Test = [(2, 0), (1, 1), (3, 2), (2, 3)];
    private static readonly (int, int)[] Valid = [(2, 1)];

    [Fact]
    public void Of_CountsTestPairsByTheirContentsTrainingUsers_AndTopiclessRareOnes()
    {
        var (graph, split) = Setup();
        var profile = SplitProfile.Of(graph, split);
        Assert.Equal(new SplitProfile(HeldOut: 4, NoTrainingUser: 2, OneTrainingUser: 1, RareWithoutTopics: 1), profile);
        Assert.Equal(
            "test pairs 4: content with no training user 50.0%, with one 25.0%; 33.3% of those have no topic",
            profile.Describe());
    }

    [Fact]
    public void Of_Validation_CountsTheValidationPairs()
    {
        var (graph, split) = Setup();
        // The one validation pair is of c1, which no training user played.
        Assert.Equal(new SplitProfile(1, 1, 0, 0), SplitProfile.Of(graph, split, validation: true));
    }

    [Fact]
    public void Of_RandomSplitOfAClusteredGraph_CountsEveryTestPairOnce()
    {
        var graph = ClusteredGraph.Build();
        var split = DatasetSplitter.Split(graph);
        var profile = SplitProfile.Of(graph, split);
        Assert.Equal(split.ContentTest.NonZeroCount, profile.HeldOut);
        Assert.InRange(profile.NoTrainingUser + profile.OneTrainingUser, 0, profile.HeldOut);
    }

    private static (SocialGraph Graph, DatasetSplit Split) Setup()
    {
        var b = new GraphBuilder();
        for (var u = 0; u < 4; u++) b.AddUser($"u{u}", $"user {u}");
        for (var c = 0; c < 4; c++) b.AddContent($"c{c}", $"content {c}");
        b.AddTopic("t0", "topic");
        for (var c = 0; c < 3; c++) b.AddTagged($"c{c}", "t0");
        for (var i = 0; i < Plays.Length; i++)
            b.AddInteraction($"u{Plays[i].User}", $"c{Plays[i].Content}", InteractionKind.View, 1_000 + i, 1f);
        var graph = b.Build();
        var split = new DatasetSplit("hand-made", graph.Fingerprint,
            SparseBinaryMatrix.FromPairs(4, 4, Valid), SparseBinaryMatrix.FromPairs(4, 4, Test),
            SparseBinaryMatrix.FromPairs(4, 4, []));
        return (graph, split);
    }
}
