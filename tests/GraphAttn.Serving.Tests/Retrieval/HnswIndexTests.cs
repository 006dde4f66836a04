using GraphAttn.Ranking;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;
using Xunit.Abstractions;

namespace GraphAttn.Serving.Tests.Retrieval;

public sealed class HnswIndexTests(ITestOutputHelper output)
{
    private const int Dims = 32;
    private static readonly EmbeddingMatrix Items = ClusteredVectors.Items(rows: 20_000, dims: Dims, clusters: 200, spread: 0.15f, seed: 21);
    private static readonly Lazy<HnswIndex> Index = new(() => HnswIndex.Build(Items));

    [Fact]
    public void Search_ClusteredData_RecallAt10AboveNinetyPercent()
    {
        float[][] queries = ClusteredVectors.Queries(200, Dims, clusters: 200, spread: 0.15f, seed: 21);

        double recall = queries.Average(q => BruteForce.Recall(Index.Value.Search(q, 10), BruteForce.TopK(Items, q, 10)));

        output.WriteLine($"HNSW recall@10 vs exact, 20,000 x {Dims} clustered, ef=64: {recall:F4}");
        Assert.True(recall >= 0.90, $"recall@10 {recall:F4} below 0.90");
    }

    [Fact]
    public void Search_ReturnsExactInnerProductScoresBestFirst()
    {
        float[] query = ClusteredVectors.Queries(1, Dims, clusters: 200, spread: 0.15f, seed: 21)[0];

        ScoredIndex[] found = Index.Value.Search(query, 10);

        Assert.Equal(10, found.Length);
        Assert.All(found, f => Assert.Equal(BruteForce.Score(Items, query, f.Index), f.Score, 3));
        Assert.Equal(found.OrderByDescending(f => f.Score).ToArray(), found);
    }

    [Fact]
    public void Search_ExcludingTheTrueTop50_ReturnsTenOthers()
    {
        float[] query = ClusteredVectors.Queries(1, Dims, clusters: 200, spread: 0.15f, seed: 22)[0];
        int[] top = BruteForce.TopK(Items, query, 50);

        ScoredIndex[] found = Index.Value.Search(query, 10, new RetrievalFilter(exclude: top));

        Assert.Equal(10, found.Length);
        Assert.DoesNotContain(found, f => top.Contains(f.Index));
    }

    [Fact]
    public void Search_SmallAllowedSet_ReturnsExactTopWithinIt()
    {
        float[] query = ClusteredVectors.Queries(1, Dims, clusters: 200, spread: 0.15f, seed: 23)[0];
        int[] allowed = Enumerable.Range(0, Items.Rows).Where(r => r % 100 == 7).ToArray();

        ScoredIndex[] found = Index.Value.Search(query, 10, new RetrievalFilter(allowed: allowed));

        Assert.Equal(BruteForce.TopK(Items, query, 10, r => r % 100 == 7), found.Select(f => f.Index));
    }

    [Fact]
    public void Search_LargeAllowedSetOverFetch_ReturnsOnlyAllowedRows()
    {
        float[] query = ClusteredVectors.Queries(1, Dims, clusters: 200, spread: 0.15f, seed: 24)[0];
        int[] allowed = Enumerable.Range(0, Items.Rows).Where(r => r % 3 == 0).ToArray();
        using HnswIndex index = HnswIndex.Build(Items, new HnswOptions { ExactAllowedMax = 10 });

        ScoredIndex[] found = index.Search(query, 10, new RetrievalFilter(allowed: allowed));

        Assert.Equal(10, found.Length);
        Assert.All(found, f => Assert.Equal(0, f.Index % 3));
    }

    [Fact]
    public void Search_AfterDispose_ThrowsObjectDisposed()
    {
        HnswIndex index = HnswIndex.Build(new EmbeddingMatrix(new float[10 * 4], 10, 4));
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search(new float[4], 3));
    }

    [Fact]
    public void Create_BySize_PicksExactBelowThresholdAndHnswAtOrAbove()
    {
        var options = new RetrievalOptions { HnswMinRows = 1_000 };
        using IVectorIndex small = VectorIndexFactory.Create(new EmbeddingMatrix(new float[999 * 4], 999, 4), options);
        using IVectorIndex large = VectorIndexFactory.Create(new EmbeddingMatrix(new float[1_000 * 4], 1_000, 4), options);

        Assert.Equal("exact", small.Kind);
        Assert.Equal("hnsw", large.Kind);
    }

    [Fact]
    public void Load_SavedIndex_ReturnsSameResults()
    {
        using var folder = new TempFolder();
        EmbeddingMatrix items = ClusteredVectors.Items(rows: 2_000, dims: 8, clusters: 20, spread: 0.2f, seed: 5);
        float[] query = ClusteredVectors.Queries(1, 8, clusters: 20, spread: 0.2f, seed: 5)[0];
        using HnswIndex built = HnswIndex.Build(items);
        built.Save(folder.File("index.usearch"));

        using HnswIndex loaded = HnswIndex.Load(folder.File("index.usearch"), items);

        Assert.Equal(built.Search(query, 10), loaded.Search(query, 10));
    }

    [Fact]
    public void Load_IndexOfOtherCatalogueSize_Throws()
    {
        using var folder = new TempFolder();
        using HnswIndex built = HnswIndex.Build(new EmbeddingMatrix(new float[50 * 4], 50, 4));
        built.Save(folder.File("index.usearch"));

        var error = Assert.Throws<InvalidDataException>(() => HnswIndex.Load(folder.File("index.usearch"), new EmbeddingMatrix(new float[60 * 4], 60, 4)));

        Assert.Contains("holds 50 vectors", error.Message);
    }
}
