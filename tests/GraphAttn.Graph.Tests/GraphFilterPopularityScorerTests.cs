using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Live;

namespace GraphAttn.Graph.Tests;

public sealed class GraphFilterPopularityScorerTests
{
    // TinyGraphs.Five: item degrees m1 2 (a, b), m2 2 (b, c), s1 2 (a, d), x 1 (c); the fill is −1 + deg / 3.
    private const float FillOfTwo = -1f / 3f;
    private const float FillOfOne = -2f / 3f;

    [Fact]
    public void ScoreContent_ReachedItems_TakeTheFilterAndRankAboveEveryOther()
    {
        var g = TinyGraphs.Five();
        var scorer = new GraphFilterPopularityScorer(g);
        var filter = new GraphFilter(GraphFilterContentScorer.UserContents(g), g.ContentCount);
        var expected = new float[g.ContentCount];
        var scores = new float[g.ContentCount];
        var d = Index(g.Users, "d");

        filter.Score(d, expected);
        scorer.ScoreContent(d, scores);

        // d played s1; s1's users a and d reach m1 and s1; m2 and x are not reached and take the popularity fill.
        Assert.True(expected[Index(g.Contents, "m1")] > 0);
        Assert.Equal(expected[Index(g.Contents, "m1")], scores[Index(g.Contents, "m1")]);
        Assert.Equal(expected[Index(g.Contents, "s1")], scores[Index(g.Contents, "s1")]);
        Assert.Equal(FillOfTwo, scores[Index(g.Contents, "m2")], 6);
        Assert.Equal(FillOfOne, scores[Index(g.Contents, "x")], 6);
    }

    [Fact]
    public void ScoreContent_UserWithoutHistory_RanksByPopularity()
    {
        var g = TinyGraphs.Five();
        var scores = new float[g.ContentCount];

        new GraphFilterPopularityScorer(g).ScoreContent(Index(g.Users, "e"), scores);

        Assert.Equal([FillOfTwo, FillOfTwo, FillOfTwo, FillOfOne], scores, new Close());
    }

    [Fact]
    public void WithNodesOf_NewUserAndContent_RankByTheFillAlone()
    {
        var g = TinyGraphs.Five();
        var extended = GraphExtension.Extend(g,
        [
            new GraphEvent { EventId = "u", Kind = GraphEventKind.User, UserId = "f" },
            new GraphEvent { EventId = "c", Kind = GraphEventKind.Content, TargetId = "new", Topics = ["music"] },
        ]).Graph;
        var scorer = new GraphFilterPopularityScorer(g).WithNodesOf(extended);
        var scores = new float[extended.ContentCount];

        scorer.ScoreContent(Index(extended.Users, "f"), scores);

        Assert.Equal([FillOfTwo, FillOfTwo, FillOfTwo, FillOfOne, -1f], scores, new Close());
        scorer.ScoreContent(Index(extended.Users, "d"), scores);
        Assert.True(scores[Index(extended.Contents, "m1")] > 0);
        Assert.Equal(-1f, scores[Index(extended.Contents, "new")]);
        Assert.Throws<ArgumentException>(() => scorer.ScoreContent(0, new float[g.ContentCount]));
    }

    private sealed class Close : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) < 1e-6f;

        public int GetHashCode(float value) => 0;
    }

    private static int Index(IdMap ids, string id) => ids.TryGetIndex(id, out var i) ? i : throw new KeyNotFoundException(id);
}
