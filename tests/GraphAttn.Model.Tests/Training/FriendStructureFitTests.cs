using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class FriendStructureFitTests
{
    /// <summary>12 cliques of 6 mutual friends: a held-out friendship keeps 4 shared friends, so Adamic-Adar finds it.</summary>
    private static SocialGraph Cliques(int cliques = 12, int size = 6)
    {
        var b = new GraphBuilder();
        for (var u = 0; u < cliques * size; u++) b.AddUser($"u{u:D4}", $"user {u}");
        for (var u = 0; u < cliques * size; u++)
            for (var v = 0; v < cliques * size; v++)
                if (u != v && u / size == v / size) b.AddFollow($"u{u:D4}", $"u{v:D4}", 0);
        return b.Build();
    }

    private static ModelEmbeddings Vectors(int users, Func<int, int, float> value, int d = 8)
    {
        var friends = new float[users * d];
        for (var u = 0; u < users; u++)
            for (var j = 0; j < d; j++) friends[u * d + j] = value(u, j);
        return new ModelEmbeddings(d, friends.ToArray(), [], friends);
    }

    [Fact]
    public void Split_HoldsOutWholeFriendshipsAndKeepsNodeIndices()
    {
        var graph = Cliques();
        var validation = FriendValidation.Split(graph, 0.1, seed: 3);
        var pairs = graph.Following.EdgeCount / 2;
        Assert.Equal((int)Math.Round(0.1 * pairs) * 2, validation.HeldOut.NonZeroCount);
        Assert.Equal(graph.Following.EdgeCount - validation.HeldOut.NonZeroCount, validation.Graph.Following.EdgeCount);
        Assert.Equal(graph.UserCount, validation.Graph.UserCount);
        foreach (var (u, v) in validation.HeldOut.Pairs())
        {
            Assert.True(validation.HeldOut.Contains(v, u), "both directions of a mutual friendship leave together");
            Assert.False(validation.Graph.Following.Contains(u, v));
            Assert.True(graph.Following.Contains(u, v));
            Assert.Equal(graph.Users[u], validation.Graph.Users[u]);
        }
    }

    [Fact]
    public void Fit_NoiseVectorsOnCliques_ChoosesAWeightThatRanksHeldOutFriendsFarBetter()
    {
        var graph = Cliques();
        var validation = FriendValidation.Split(graph, 0.1, seed: 3);
        var random = new Random(5);
        var noise = Vectors(graph.UserCount, (_, _) => (float)random.NextDouble() - 0.5f);
        var fit = FriendStructureFit.Fit(noise, validation, seed: 3)!;
        Assert.True(fit.Weight > 0, "shared friends predict every held-out friendship here");
        // 5 unseen clique-mates among ~70 users: noise ranks a held-out friend in the top 10 about 1 time in 7; the
        // structural term puts every clique-mate (shared friends) above every stranger (none).
        Assert.True(fit.Metrics["Recall@10"] > 0.95, $"Recall@10 {fit.Metrics["Recall@10"]:F3}");
        Assert.True(fit.EmbeddingsOnly["Recall@10"] < 0.5, $"embeddings alone {fit.EmbeddingsOnly["Recall@10"]:F3}");
        Assert.Equal(validation.HeldOut.Pairs().Select(p => p.Row).Distinct().Count(), fit.Users);
    }

    [Fact]
    public void Fit_VectorsThatAlreadyRankPerfectly_KeepsWeightZero()
    {
        var graph = Cliques();
        var validation = FriendValidation.Split(graph, 0.1, seed: 3);
        // One-hot clique vectors: every clique-mate scores 1, every stranger 0. Shared friends tell nothing more, so no
        // β ranks better, and on a tie the fit keeps 0.
        var exact = Vectors(graph.UserCount, (u, j) => j == u / 6 ? 1f : 0f, d: 12);
        var fit = FriendStructureFit.Fit(exact, validation, seed: 3)!;
        Assert.Equal(0f, fit.Weight);
        Assert.Equal(fit.EmbeddingsOnly, fit.Metrics);
    }

    [Fact]
    public void Fit_GraphWithoutFollows_ReturnsNull()
    {
        var b = new GraphBuilder();
        b.AddUser("a", "a");
        b.AddUser("b", "b");
        var graph = b.Build();
        var validation = FriendValidation.Split(graph, 0.1, seed: 1);
        Assert.Null(FriendStructureFit.Fit(Vectors(2, (_, _) => 1f), validation, seed: 1));
    }

    [Fact]
    public void ModelScorer_WithStructure_AddsWeightTimesAdamicAdar()
    {
        var graph = Cliques(cliques: 3, size: 4);
        var friends = Neighbourhood.Undirected(graph);
        var random = new Random(2);
        var vectors = Vectors(graph.UserCount, (_, _) => (float)random.NextDouble());
        var plain = new float[graph.UserCount];
        var withTerm = new float[graph.UserCount];
        new ModelScorer(vectors).ScoreUsers(1, plain);
        new ModelScorer(vectors, structure: new FriendStructure(friends, 0.75f)).ScoreUsers(1, withTerm);
        for (var v = 0; v < graph.UserCount; v++)
            Assert.Equal(plain[v] + 0.75f * AdamicAdar.Pair(friends, 1, v), withTerm[v], 5);
        Assert.True(withTerm[2] > plain[2], "a clique-mate shares friends with user 1");
        Assert.Equal(plain[5], withTerm[5]); // another clique: no shared friend
    }
}
