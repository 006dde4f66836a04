using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Ranking.Tests.Metrics;

public sealed class RankingMetricsTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void AllMetrics_PerfectRanking_AreOne()
    {
        bool[] hits = [true, true, true];
        Assert.Equal(1.0, RankingMetrics.Recall(hits, 3, 3), Tol);
        Assert.Equal(1.0, RankingMetrics.Precision(hits, 3, 3), Tol);
        Assert.Equal(1.0, RankingMetrics.HitRate(hits, 3, 3), Tol);
        Assert.Equal(1.0, RankingMetrics.Mrr(hits, 3, 3), Tol);
        Assert.Equal(1.0, RankingMetrics.Ndcg(hits, 3, 3), Tol);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision(hits, 3, 3), Tol);
    }

    [Fact]
    public void AllMetrics_NoHit_AreZero()
    {
        bool[] hits = [false, false, false, false];
        Assert.Equal(0.0, RankingMetrics.Recall(hits, 2, 4));
        Assert.Equal(0.0, RankingMetrics.Precision(hits, 2, 4));
        Assert.Equal(0.0, RankingMetrics.HitRate(hits, 2, 4));
        Assert.Equal(0.0, RankingMetrics.Mrr(hits, 2, 4));
        Assert.Equal(0.0, RankingMetrics.Ndcg(hits, 2, 4));
        Assert.Equal(0.0, RankingMetrics.AveragePrecision(hits, 2, 4));
    }

    [Fact]
    public void AllMetrics_HandWorkedExample_MatchRecBoleDefinitions()
    {
        // Ranked list of 5 with hits at ranks 2 and 4; the user has 3 relevant items.
        bool[] hits = [false, true, false, true, false];
        Assert.Equal(2.0 / 3.0, RankingMetrics.Recall(hits, 3, 5), Tol);
        Assert.Equal(2.0 / 5.0, RankingMetrics.Precision(hits, 3, 5), Tol);
        Assert.Equal(1.0, RankingMetrics.HitRate(hits, 3, 5), Tol);
        Assert.Equal(0.5, RankingMetrics.Mrr(hits, 3, 5), Tol);
        var dcg = (1 / Math.Log2(3)) + (1 / Math.Log2(5));
        var idcg = 1 + (1 / Math.Log2(3)) + (1 / Math.Log2(4));
        Assert.Equal(dcg / idcg, RankingMetrics.Ndcg(hits, 3, 5), Tol);
        Assert.Equal(((1.0 / 2) + (2.0 / 4)) / 3, RankingMetrics.AveragePrecision(hits, 3, 5), Tol);
    }

    [Fact]
    public void Ndcg_MoreRelevantThanK_IdealUsesOnlyKPositions()
    {
        // RecBole's IDCG sums min(|R|, K) positions: all K hits is a perfect list even with 10 relevant items.
        bool[] hits = [true, true];
        Assert.Equal(1.0, RankingMetrics.Ndcg(hits, 10, 2), Tol);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision(hits, 10, 2), Tol);
        Assert.Equal(0.2, RankingMetrics.Recall(hits, 10, 2), Tol);
    }

    [Fact]
    public void Metrics_ListLongerThanK_CountOnlyFirstK()
    {
        bool[] hits = [false, false, true];
        Assert.Equal(0.0, RankingMetrics.Recall(hits, 1, 2));
        Assert.Equal(0.0, RankingMetrics.Mrr(hits, 1, 2));
        Assert.Equal(1.0 / 3, RankingMetrics.Mrr(hits, 1, 3), Tol);
    }

    [Fact]
    public void Precision_ListShorterThanK_DividesByK()
    {
        bool[] hits = [true];
        Assert.Equal(0.1, RankingMetrics.Precision(hits, 1, 10), Tol);
    }

    [Fact]
    public void Recall_NoRelevantItems_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.Recall([true], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.Ndcg([true], 1, 0));
    }
}
