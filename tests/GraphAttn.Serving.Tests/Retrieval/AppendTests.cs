using GraphAttn.Ranking;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Retrieval;

/// <summary>Rows appended after an index is built (new content) are found, filtered and scored like built ones.</summary>
public sealed class AppendTests
{
    private const int Dims = 16;
    private static readonly EmbeddingMatrix Items = ClusteredVectors.Items(rows: 3_000, dims: Dims, clusters: 30, spread: 0.15f, seed: 5);

    public static TheoryData<string> Kinds => ["exact", "hnsw"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Append_AVectorBetterThanAny_IsTheTopResultWithItsExactScore(string kind)
    {
        using var index = Create(kind);
        float[] query = ClusteredVectors.Queries(1, Dims, clusters: 30, spread: 0.15f, seed: 6)[0];
        float best = (float)BruteForce.Score(Items, query, BruteForce.TopK(Items, query, 1)[0]);
        float[] better = [.. query.Select(q => q * 2 * MathF.Max(1f, best / VectorMath.Dot(query, query)))];

        int row = index.Append([better, Unit(0)]);

        Assert.Equal(Items.Rows, row);
        Assert.Equal(Items.Rows + 2, index.Count);
        ScoredIndex[] found = index.Search(query, 5);
        Assert.Equal(row, found[0].Index);
        Assert.Equal(VectorMath.Dot(query, better), found[0].Score, 3);
        Assert.DoesNotContain(index.Search(query, 5, new RetrievalFilter(exclude: [row])), f => f.Index == row);
        // A topic filter's allowed set that names an appended row is scored exactly over it.
        var allowed = index.Search(Unit(0), 2, new RetrievalFilter(allowed: [row + 1, 7]));
        Assert.Equal(row + 1, allowed[0].Index);
        Assert.Equal(1f, allowed[0].Score, 4);
    }

    [Fact]
    public void Append_PastTheReservedCapacity_GrowsTheGraph()
    {
        using var index = (HnswIndex)Create("hnsw");
        var vectors = Enumerable.Range(0, 1_500).Select(i => Unit(i % Dims)).ToList();
        index.Append(vectors);
        Assert.Equal(Items.Rows + 1_500, index.Count);
        Assert.All(index.Search(Unit(3), 20), f => Assert.Equal(1f, f.Score, 3));
    }

    private static IAppendableIndex Create(string kind) => kind == "exact" ? new ExactIndex(Items) : HnswIndex.Build(Items);

    private static float[] Unit(int axis)
    {
        var v = new float[Dims];
        v[axis] = 1f;
        return v;
    }
}
