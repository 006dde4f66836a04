using GraphAttn.Graph.Baselines;

namespace GraphAttn.Graph.Tests;

public class BaselineTests
{
    [Fact]
    public void AdamicAdar_TinyGraph_MatchesHandComputation()
    {
        // Undirected ties: a-b, a-c, b-c, c-d, d-e. Degrees: a2 b2 c3 d2 e1.
        // For d: common neighbours with a = {c} → 1/ln3; with b = {c} → 1/ln3; with e none (e-d direct).
        var g = TinyGraphs.Five();
        var scorer = new AdamicAdarScorer(g);
        var scores = new float[g.UserCount];
        g.Users.TryGetIndex("d", out var d);
        scorer.ScoreUsers(d, scores);
        Assert.Equal(1f / MathF.Log(3), scores[0], 5);
        Assert.Equal(1f / MathF.Log(3), scores[1], 5);
        Assert.Equal(0f, scores[4]);
        // d's own score: via c (1/ln3) and via e? e has degree 1 and is skipped.
        Assert.Equal(1f / MathF.Log(3), scores[d], 5);
    }

    [Fact]
    public void TopicInterests_TinyGraph_SpreadsOverTopicsAndSumsToOne()
    {
        var g = TinyGraphs.Five();
        g.Users.TryGetIndex("c", out var c); // m2 (music), x (music+sport)
        var w = new float[g.TopicCount];
        TopicInterests.Of(g, c, w);
        Assert.Equal(0.75f, w[0], 5);
        Assert.Equal(0.25f, w[1], 5);
    }

    [Fact]
    public void RecencyPopularity_FavoursRecentAndInTopicItems()
    {
        var g = TinyGraphs.Five();
        var scorer = new RecencyPopularityScorer(g, TimeSpan.FromMilliseconds(1));
        var scores = new float[g.ContentCount];
        g.Users.TryGetIndex("e", out var e); // no history: pure popularity
        scorer.ScoreContent(e, scores);
        // With a 1 ms half-life only the newest interaction (d→s1 at t=7) keeps weight: s1 must rank first.
        g.Contents.TryGetIndex("s1", out var s1);
        Assert.Equal(s1, Array.IndexOf(scores, scores.Max()));
    }
}
