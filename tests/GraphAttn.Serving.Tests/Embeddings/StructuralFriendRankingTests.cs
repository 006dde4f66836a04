using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Store;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Embeddings;

/// <summary>
/// Follow candidates ranked by friend_u · friend_v + β · AA(u, v) (<see cref="StructureWorld"/>): the dot product
/// prefers a, Adamic-Adar prefers b.
/// </summary>
public sealed class StructuralFriendRankingTests
{
    private const float Beta = 1.5f;

    [Fact]
    public void TopFriends_PositiveWeight_RanksTheStructuralFavouriteFirstWithTheCombinedScore()
    {
        var graph = StructureWorld.Graph();
        using var served = Serve(graph, StructureWorld.Snapshot(graph, Beta));
        var retriever = new EmbeddingRetriever(graph, served);

        IReadOnlyList<ScoredIndex> top = retriever.TopFriends(U(graph, "me"), 2, structure: Structure(graph, served));

        Assert.Equal([U(graph, "b"), U(graph, "a")], top.Select(t => t.Index));
        Assert.Equal(0.1f + Beta * StructureWorld.SharedFriendsAa, top[0].Score, 1e-5f);
        Assert.Equal(0.9f, top[1].Score, 1e-5f);
    }

    [Fact]
    public void TopFriends_ZeroWeight_RanksByDotProductAlone()
    {
        var graph = StructureWorld.Graph();
        using var served = Serve(graph, StructureWorld.Snapshot(graph, beta: 0f));
        var retriever = new EmbeddingRetriever(graph, served);

        Assert.Null(SnapshotFriendStructure.For(served.Embeddings, Neighbourhood.Undirected(graph)));
        IReadOnlyList<ScoredIndex> top = retriever.TopFriends(U(graph, "me"), 2);

        Assert.Equal([U(graph, "a"), U(graph, "b")], top.Select(t => t.Index));
        Assert.Equal(0.9f, top[0].Score, 1e-6f);
    }

    [Fact]
    public void TopFriendsFor_TwoHopUserOutsideTheVectorPool_IsStillFound()
    {
        // 150 fillers out-score b's dot product (-1), so b is not among the index's top max(4k, 100) = 100.
        var graph = StructureWorld.Graph(fillers: 150);
        using var served = Serve(graph, StructureWorld.Snapshot(graph, Beta, bDot: -1f, fillers: 150));
        var retriever = new EmbeddingRetriever(graph, served);
        int me = U(graph, "me"), b = U(graph, "b");
        int[] excluded = [me, U(graph, "f1"), U(graph, "f2")];
        float[] vector = served.Embeddings.FriendVectors.Row(0).ToArray();

        var pool = retriever.TopFriendsFor(vector, EmbeddingRetriever.MinVectorPool, excluded);
        var withStructure = retriever.TopFriendsFor(vector, me, 5, excluded, Structure(graph, served));
        var withoutStructure = retriever.TopFriendsFor(vector, me, 5, excluded, structure: null);

        Assert.DoesNotContain(b, pool.Select(p => p.Index));
        Assert.Equal(b, withStructure[0].Index);
        Assert.Equal(-1f + Beta * StructureWorld.SharedFriendsAa, withStructure[0].Score, 1e-5f);
        Assert.Equal(["a", .. Enumerable.Range(0, 3).Select(i => StructureWorld.Filler(149 - i))],
            withStructure.Skip(1).Select(t => graph.Users[t.Index]));
        Assert.DoesNotContain(b, withoutStructure.Select(t => t.Index));
    }

    [Fact]
    public void TopFriendsFor_EveryScore_EqualsTheFormulaAndTheFullRankingScorer()
    {
        var graph = StructureWorld.Graph(fillers: 30);
        var snapshot = StructureWorld.Snapshot(graph, Beta, fillers: 30);
        using var served = Serve(graph, snapshot);
        var friends = Neighbourhood.Undirected(graph);
        var alignment = served.AlignWith(graph);
        int me = U(graph, "me");
        float[] vector = snapshot.FriendVectors.Row(alignment.UserRow[me]).ToArray();
        var full = new float[graph.UserCount];
        new EmbeddingFriendScorer(snapshot, alignment, friends).ScoreUsers(me, full);

        var top = new EmbeddingRetriever(graph, served).TopFriendsFor(vector, me, 10, [me], new FriendStructure(friends, Beta));

        Assert.Equal(10, top.Count);
        foreach (ScoredIndex item in top)
        {
            double formula = VectorMath.Dot(vector, snapshot.FriendVectors.Row(alignment.UserRow[item.Index]))
                + ((double)Beta * AdamicAdar.Pair(friends, me, item.Index));
            Assert.Equal(formula, item.Score, 1e-5);
            Assert.Equal(full[item.Index], item.Score); // bit for bit: the API and an evaluation rank alike
        }
    }

    [Fact]
    public void FriendScorer_PositiveWeight_AddsWeightedAdamicAdarToEveryDotProduct()
    {
        var graph = StructureWorld.Graph();
        var snapshot = StructureWorld.Snapshot(graph, Beta);
        var alignment = SnapshotAlignment.Create(graph, snapshot);
        var scores = new float[graph.UserCount];

        new EmbeddingFriendScorer(snapshot, alignment, Neighbourhood.Undirected(graph)).ScoreUsers(U(graph, "me"), scores);

        Assert.Equal(0.9f, scores[U(graph, "a")], 1e-6f);
        Assert.Equal(0.1f + Beta * StructureWorld.SharedFriendsAa, scores[U(graph, "b")], 1e-5f);
        Assert.True(scores[U(graph, "b")] > scores[U(graph, "a")]);
    }

    [Fact]
    public void FriendScorer_PositiveWeightWithoutFriendGraph_Throws()
    {
        var graph = StructureWorld.Graph();
        var snapshot = StructureWorld.Snapshot(graph, Beta);

        var error = Assert.Throws<ArgumentException>(() => new EmbeddingFriendScorer(snapshot, SnapshotAlignment.Create(graph, snapshot)));

        Assert.Contains("needs the friend graph", error.Message);
    }

    [Fact]
    public void TopFriendsFor_FriendGraphOfAnotherSize_Throws()
    {
        var graph = StructureWorld.Graph();
        using var served = Serve(graph, StructureWorld.Snapshot(graph, Beta));
        var other = Neighbourhood.Undirected(StructureWorld.Graph(fillers: 3));

        Assert.Throws<ArgumentException>(() =>
            new EmbeddingRetriever(graph, served).TopFriendsFor([1f, 0f], 0, 2, [0], new FriendStructure(other, Beta)));
    }

    private static ServingSnapshot Serve(SocialGraph graph, EmbeddingSnapshot snapshot) =>
        ServingSnapshot.FromSnapshot(SnapshotFileInfo.InMemory(graph.Fingerprint), snapshot);

    private static FriendStructure? Structure(SocialGraph graph, ServingSnapshot served) =>
        SnapshotFriendStructure.For(served.Embeddings, Neighbourhood.Undirected(graph));

    private static int U(SocialGraph graph, string id) => graph.Users.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);
}
