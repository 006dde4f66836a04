using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Ranking.Tests.Metrics;

public sealed class CatalogueMetricsTests
{
    [Fact]
    public void ItemCoverage_HandWorked_CountsDistinctWithinK()
    {
        int[][] lists = [[0, 1, 4], [1, 2, 3]];
        Assert.Equal(3.0 / 10, CatalogueMetrics.ItemCoverage(lists, 2, 10), 1e-12);
        Assert.Equal(5.0 / 10, CatalogueMetrics.ItemCoverage(lists, 3, 10), 1e-12);
    }

    [Fact]
    public void ItemCoverage_EveryItemRecommended_IsOne()
    {
        int[][] lists = [[0, 1], [2, 3]];
        Assert.Equal(1.0, CatalogueMetrics.ItemCoverage(lists, 2, 4));
    }

    [Fact]
    public void AveragePopularity_HandWorked_MeanOverUsersOfMeanPopularity()
    {
        int[] popularity = [10, 0, 4, 2];
        int[][] lists = [[0, 2], [1, 3]];
        Assert.Equal((7.0 + 1.0) / 2, CatalogueMetrics.AveragePopularity(lists, 2, popularity), 1e-12);
    }

    [Fact]
    public void MetricKey_ParseAndFormat_RoundTrip()
    {
        Assert.Equal(new MetricKey(MetricKind.Ndcg, 10), MetricKey.Parse("ndcg@10"));
        Assert.Equal("NDCG@10", MetricKey.Parse("NDCG@10").ToString());
        Assert.Equal("AUC", MetricKey.Parse("auc").ToString());
        Assert.Throws<FormatException>(() => MetricKey.Parse("recall"));
        Assert.Throws<FormatException>(() => MetricKey.Parse("novelty@5"));
    }
}
