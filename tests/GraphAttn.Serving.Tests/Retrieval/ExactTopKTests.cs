using GraphAttn.Ranking;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Retrieval;

public sealed class ExactTopKTests
{
    private static readonly EmbeddingMatrix Items = ClusteredVectors.Gaussian(rows: 3_000, dims: 37, seed: 11);
    private static readonly float[] Query = ClusteredVectors.Gaussian(rows: 1, dims: 37, seed: 12).Data;

    [Fact]
    public void Search_NoFilter_MatchesBruteForceOrderAndScores()
    {
        ScoredIndex[] found = ExactTopK.Search(Items, Query, 25);

        Assert.Equal(BruteForce.TopK(Items, Query, 25), found.Select(f => f.Index));
        Assert.All(found, f => Assert.Equal(BruteForce.Score(Items, Query, f.Index), f.Score, 3));
    }

    [Fact]
    public void Search_ExcludeSet_NeverReturnsExcludedAndStillReturnsK()
    {
        int[] best = BruteForce.TopK(Items, Query, 10);
        var filter = new RetrievalFilter(exclude: best);

        ScoredIndex[] found = ExactTopK.Search(Items, Query, 10, filter);

        Assert.Equal(BruteForce.TopK(Items, Query, 10, r => !best.Contains(r)), found.Select(f => f.Index));
    }

    [Fact]
    public void Search_AllowedSetWithExclusions_ReturnsOnlyAllowedNotExcluded()
    {
        int[] allowed = Enumerable.Range(0, Items.Rows).Where(r => r % 7 == 3).ToArray();
        int[] excluded = allowed.Take(40).ToArray();
        var filter = new RetrievalFilter(exclude: excluded, allowed: allowed);

        ScoredIndex[] found = ExactTopK.Search(Items, Query, 10, filter);

        Assert.Equal(BruteForce.TopK(Items, Query, 10, r => r % 7 == 3 && !excluded.Contains(r)), found.Select(f => f.Index));
    }

    [Fact]
    public void Search_SharedAndPerRequestExclusions_BothApply()
    {
        int[] best = BruteForce.TopK(Items, Query, 6);
        var shared = new HashSet<int>(best.Take(3));
        var filter = new RetrievalFilter(exclude: best.Skip(3), sharedExclude: shared);

        ScoredIndex[] found = ExactTopK.Search(Items, Query, 5, filter);

        Assert.Equal(6, filter.ExcludedCount);
        Assert.Equal(BruteForce.TopK(Items, Query, 5, r => !best.Contains(r)), found.Select(f => f.Index));
    }

    [Fact]
    public void Search_KLargerThanAccepted_ReturnsAllAcceptedSorted()
    {
        var filter = new RetrievalFilter(allowed: [5, 9, 2]);

        ScoredIndex[] found = ExactTopK.Search(Items, Query, 10, filter);

        Assert.Equal(BruteForce.TopK(Items, Query, 10, r => r is 5 or 9 or 2), found.Select(f => f.Index));
    }

    [Fact]
    public void Search_ParallelChunks_SameResultAsSequential()
    {
        EmbeddingMatrix big = ClusteredVectors.Gaussian(rows: 70_000, dims: 64, seed: 3);
        float[] query = ClusteredVectors.Gaussian(rows: 1, dims: 64, seed: 4).Data;
        var filter = new RetrievalFilter(exclude: Enumerable.Range(0, 500));

        ScoredIndex[] sequential = ExactTopK.Search(big, query, 10, filter, maxParallelism: 1);
        ScoredIndex[] parallel = ExactTopK.Search(big, query, 10, filter, maxParallelism: 4);

        Assert.Equal(sequential, parallel);
        Assert.Equal(BruteForce.TopK(big, query, 10, r => r >= 500), parallel.Select(f => f.Index));
    }

    [Fact]
    public void Search_TiedScores_PrefersLowerRows()
    {
        var items = new EmbeddingMatrix(Enumerable.Repeat(1f, 8 * 4).ToArray(), 8, 4);

        ScoredIndex[] found = ExactTopK.Search(items, [1f, 0f, 0f, 0f], 3, new RetrievalFilter(exclude: [1]));

        Assert.Equal([0, 2, 3], found.Select(f => f.Index));
    }

    [Fact]
    public void Search_WrongQueryLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ExactTopK.Search(Items, new float[5], 3));

        Assert.Contains("5 dimensions", error.Message);
    }
}
