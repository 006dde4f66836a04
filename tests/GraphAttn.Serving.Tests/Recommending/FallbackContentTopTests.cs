using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Recommending;

namespace GraphAttn.Serving.Tests.Recommending;

/// <summary>
/// The fallback's sparse top k ranks exactly as its dense row does: every content scored, the excluded ones marked,
/// then top-k with the same topic filter — over truncated item rows, with and without popularity in the blend.
/// </summary>
public sealed class FallbackContentTopTests
{
    public static TheoryData<string, float, int, int> Cases => new()
    {
        { "random", 0f, 10, 8 },
        { "random", 0.3f, 5, 4 },
        { "random", 100f, 20, 100 },
        { "demo", 0f, 10, 30 },
        { "demo", 1f, 50, 100 },
        { "demo", 0.03f, 1, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Top_SameContentsAndScoresAsTheDenseRow(string graphName, float lambda, int limit, int neighbors)
    {
        var graph = graphName == "demo" ? SampleGraphs.Demo : SampleGraphs.Random();
        var fallback = new GraphFilterPopularityScorer(graph, lambda, neighbors);
        for (var user = 0; user < graph.UserCount; user += Math.Max(1, graph.UserCount / 60))
        {
            var seen = SeenBy(graph, user);
            int? topic = user % 3 == 0 ? user % graph.TopicCount : null;
            Func<int, bool>? skip = topic is int t ? c => !graph.ContentTopics.Contains(c, t) : null;
            var excluded = user % 4 == 1 ? null : seen;

            var dense = Dense(fallback, graph, user, excluded, limit, skip);

            Assert.Equal(dense, Bits(FallbackContentTop.Top(fallback, user, [], excluded, limit, skip, scan: false)));
            Assert.Equal(dense, Bits(FallbackContentTop.Top(fallback, user, [], excluded, limit, skip, scan: true)));
            Assert.Equal(dense, Bits(FallbackContentTop.Top(fallback, user, [], excluded, limit, skip)));
        }
    }

    [Fact]
    public void Top_FreshInteractions_CountAsHistory_NewUserIncluded()
    {
        var graph = SampleGraphs.Demo;
        var fallback = new GraphFilterPopularityScorer(graph, 0f, neighbors: 30);
        var user = 7;
        var history = fallback.Filter.RowColumns(user).ToArray();
        // Another user's items: four new to user 7, one repeated, one user 7 already has.
        var other = fallback.Filter.RowColumns(1500).ToArray().Except(history).Take(4).ToArray();
        int[] fresh = [.. other, other[0], history[0]];

        var withFresh = FallbackContentTop.Top(fallback, user, fresh, null, 20, null);

        Assert.Equal(DenseOfRow(fallback, history.Union(fresh).ToArray(), 20), Bits(withFresh));
        Assert.Equal(Bits(withFresh), Bits(FallbackContentTop.Top(fallback, user, fresh, null, 20, null, scan: false)));
        Assert.Equal(Bits(withFresh), Bits(FallbackContentTop.Top(fallback, user, fresh, null, 20, null, scan: true)));
        Assert.NotEqual(Bits(FallbackContentTop.Top(fallback, user, [], null, 20, null)), Bits(withFresh));

        // A user the filter has no row for (signed up since): only what they recorded counts.
        var newcomer = FallbackContentTop.Top(fallback, graph.UserCount + 3, other, other, 20, null);
        Assert.Equal(DenseOfRow(fallback, other, 20, exclude: other), Bits(newcomer));
        Assert.Equal(Bits(newcomer), Bits(FallbackContentTop.Top(fallback, graph.UserCount + 3, other, other, 20, null, scan: true)));
    }

    [Fact]
    public void Top_NothingReached_ThePopularityOrderWithoutExcluded()
    {
        var graph = SampleGraphs.Random();
        var fallback = new GraphFilterPopularityScorer(graph, 0.5f, neighbors: 10);
        var excluded = fallback.PopularOrder[..3].ToArray();

        foreach (var scan in new[] { false, true })
        {
            var top = FallbackContentTop.Top(fallback, graph.UserCount + 1, [], excluded, 5, null, scan);
            Assert.Equal(fallback.PopularOrder[3..8].ToArray(), top.Select(t => t.Index));
        }
    }

    private static List<int> SeenBy(SocialGraph graph, int user) =>
        [.. graph.Interactions.ContentOf(user).ToArray()];

    private static List<(int, int)> Dense(GraphFilterPopularityScorer fallback, SocialGraph graph, int user,
        List<int>? excluded, int limit, Func<int, bool>? skip)
    {
        var scores = new float[graph.ContentCount];
        fallback.ScoreContent(user, scores);
        foreach (var c in excluded ?? []) scores[c] = TopK.Excluded;
        return Bits(TopK.Select(scores, limit, skip));
    }

    // The dense reference for an explicit history: filter scores summed over it, normalised, blended, top-k.
    private static List<(int, int)> DenseOfRow(GraphFilterPopularityScorer fallback, int[] history, int limit, int[]? exclude = null)
    {
        var n = fallback.Popularity.Length;
        var (gf, touched) = (new float[n], new int[n]);
        var count = 0;
        foreach (var c in history) fallback.Items.Accumulate([c], gf, touched, ref count);
        var inverse = gf.Max() is > 0f and var max ? 1f / max : 0f;
        var scores = new float[n];
        for (var c = 0; c < n; c++)
            scores[c] = GraphFilterPopularityScorer.Blend(gf[c], inverse, fallback.Popularity[c], fallback.PopularityWeight);
        foreach (var c in exclude ?? []) scores[c] = TopK.Excluded;
        return Bits(TopK.Select(scores, limit));
    }

    private static List<(int, int)> Bits(IEnumerable<ScoredIndex> top) =>
        [.. top.Select(s => (s.Index, BitConverter.SingleToInt32Bits(s.Score)))];
}
