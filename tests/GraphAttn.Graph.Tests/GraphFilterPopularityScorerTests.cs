using GraphAttn.Graph.Baselines;
using GraphAttn.Graph.Live;

namespace GraphAttn.Graph.Tests;

public sealed class GraphFilterPopularityScorerTests
{
    // TinyGraphs.Five: item degrees m1 2 (a, b), m2 2 (b, c), s1 2 (a, d), x 1 (c): popularity shares 2/3, 2/3, 2/3, 1/3.
    private const float Epsilon = 0.001f;

    [Fact]
    public void ScoreContent_FilterAlone_ReachedItemsTakeTheirNormalisedFilterScoreAndRankFirst()
    {
        var g = TinyGraphs.Five();
        var scorer = new GraphFilterPopularityScorer(g, popularityWeight: 0f);
        var filter = new GraphFilter(GraphFilterContentScorer.UserContents(g), g.ContentCount);
        var expected = new float[g.ContentCount];
        var scores = new float[g.ContentCount];
        var d = Index(g.Users, "d");

        filter.Score(d, expected);
        scorer.ScoreContent(d, scores);

        // d played s1; s1's users a and d reach m1 and s1; m2 and x are not reached and rank by popularity alone.
        var max = expected.Max();
        Assert.Equal((expected[Index(g.Contents, "m1")] / max) + (Epsilon * 2 / 3f), scores[Index(g.Contents, "m1")], 6);
        Assert.Equal(Epsilon * 2 / 3f, scores[Index(g.Contents, "m2")], 6);
        Assert.Equal(Epsilon / 3f, scores[Index(g.Contents, "x")], 6);
        Assert.True(scores[Index(g.Contents, "m1")] > scores[Index(g.Contents, "m2")]);
    }

    [Fact]
    public void ScoreContent_UserWithoutHistory_RanksByPopularity()
    {
        var g = TinyGraphs.Five();
        var scores = new float[g.ContentCount];

        new GraphFilterPopularityScorer(g, popularityWeight: 0.5f).ScoreContent(Index(g.Users, "e"), scores);

        Assert.Equal(new[] { 2 / 3f, 2 / 3f, 2 / 3f, 1 / 3f }.Select(p => (0.5f + Epsilon) * p), scores, new Close());
    }

    [Fact]
    public void ScoreContent_LargeWeight_PopularityOrdersAndTheFilterBreaksTies()
    {
        var g = TinyGraphs.Five();
        var scores = new float[g.ContentCount];

        new GraphFilterPopularityScorer(g, popularityWeight: 100f).ScoreContent(Index(g.Users, "c"), scores);

        // c played m2 and x. x (one user) falls below the three items of two users whatever the filter says.
        Assert.True(scores[Index(g.Contents, "x")] < new[] { "m1", "m2", "s1" }.Min(id => scores[Index(g.Contents, id)]));
    }

    [Fact]
    public void Refreshed_KeepsTheItemRowsUntilTheGraphGrowsByATenth_HistoriesAlwaysCurrent()
    {
        static SocialGraph Build(int extra)
        {
            var random = new Random(3);
            var b = new GraphBuilder();
            for (var u = 0; u < 30; u++) b.AddUser($"u{u}");
            for (var c = 0; c < 20; c++) b.AddContent($"c{c}");
            for (var i = 0; i < 200 + extra; i++)
                b.AddInteraction($"u{random.Next(30)}", $"c{random.Next(20)}", InteractionKind.Play, 1_700_000_000_000 + i);
            return b.Build();
        }

        var scorer = new GraphFilterPopularityScorer(Build(0), popularityWeight: 0.3f);
        var little = scorer.Refreshed(Build(3));
        var much = scorer.Refreshed(Build(60));

        Assert.Same(scorer.Items, little.Items);
        Assert.Equal(scorer.RowsBuiltFrom, little.RowsBuiltFrom);
        Assert.NotSame(scorer.Items, much.Items);
        Assert.True(much.RowsBuiltFrom >= scorer.RowsBuiltFrom * 1.1);
        Assert.True(little.Filter.EntryCount > scorer.Filter.EntryCount); // the histories are the new graph's
        Assert.Equal((0.3f, 0.3f), (little.PopularityWeight, much.PopularityWeight));
    }

    [Fact]
    public void WithNodesOf_NewUserAndContent_KeepTheWeightAndRankByPopularity()
    {
        var g = TinyGraphs.Five();
        var extended = GraphExtension.Extend(g,
        [
            new GraphEvent { EventId = "u", Kind = GraphEventKind.User, UserId = "f" },
            new GraphEvent { EventId = "c", Kind = GraphEventKind.Content, TargetId = "new", Topics = ["music"] },
        ]).Graph;
        var scorer = new GraphFilterPopularityScorer(g, popularityWeight: 0.5f).WithNodesOf(extended);
        var scores = new float[extended.ContentCount];

        scorer.ScoreContent(Index(extended.Users, "f"), scores);

        Assert.Equal(0.5f, scorer.PopularityWeight);
        Assert.Equal(new[] { 2 / 3f, 2 / 3f, 2 / 3f, 1 / 3f, 0f }.Select(p => (0.5f + Epsilon) * p), scores, new Close());
        Assert.Throws<ArgumentException>(() => scorer.ScoreContent(0, new float[g.ContentCount]));
    }

    [Fact]
    public void Fit_CoInteractionWorldVersusPopularityWorld_ChoosesMorePopularityWhereOnlyPopularityPredicts()
    {
        // Clusters: each user plays items of their own cluster only, uniformly: co-interaction predicts, popularity not.
        var clusters = World(seed: 1, (random, user) => (user % 4 * 25) + random.Next(25));
        // Popularity: every user draws items from one skewed distribution, with no structure among users.
        var popular = World(seed: 2, (random, _) => (int)(100 * Math.Pow(random.NextDouble(), 3)));

        var forClusters = PopularityBlendFit.Fit(clusters);
        var forPopular = PopularityBlendFit.Fit(popular);

        Assert.True(forPopular > forClusters, $"λ {forPopular} (popularity world) vs {forClusters} (clusters)");
        Assert.Equal(forClusters, PopularityBlendFit.Fit(clusters)); // deterministic
    }

    private static SocialGraph World(int seed, Func<Random, int, int> item)
    {
        var random = new Random(seed);
        var b = new GraphBuilder();
        for (var c = 0; c < 100; c++) b.AddContent($"c{c}", $"C{c}");
        for (var u = 0; u < 400; u++)
        {
            b.AddUser($"u{u}", $"U{u}");
            var items = new HashSet<int>();
            while (items.Count < 8) items.Add(item(random, u));
            foreach (var c in items) b.AddInteraction($"u{u}", $"c{c}", InteractionKind.View, 1 + c);
        }

        return b.Build();
    }

    private sealed class Close : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) < 1e-6f;

        public int GetHashCode(float value) => 0;
    }

    private static int Index(IdMap ids, string id) => ids.TryGetIndex(id, out var i) ? i : throw new KeyNotFoundException(id);
}
