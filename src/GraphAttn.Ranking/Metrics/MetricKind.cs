namespace GraphAttn.Ranking.Metrics;

/// <summary>The metrics an evaluation reports; all but <see cref="Auc"/> are taken at a cut-off K.</summary>
public enum MetricKind
{
    /// <summary>Recall@K, see <see cref="RankingMetrics.Recall"/>.</summary>
    Recall,
    /// <summary>NDCG@K, see <see cref="RankingMetrics.Ndcg"/>.</summary>
    Ndcg,
    /// <summary>Precision@K, see <see cref="RankingMetrics.Precision"/>.</summary>
    Precision,
    /// <summary>Hit@K, see <see cref="RankingMetrics.HitRate"/>.</summary>
    Hit,
    /// <summary>MRR@K, see <see cref="RankingMetrics.Mrr"/>.</summary>
    Mrr,
    /// <summary>MAP@K, see <see cref="RankingMetrics.AveragePrecision"/>.</summary>
    Map,
    /// <summary>ItemCoverage@K, see <see cref="CatalogueMetrics.ItemCoverage"/>.</summary>
    ItemCoverage,
    /// <summary>AveragePopularity@K, see <see cref="CatalogueMetrics.AveragePopularity"/>.</summary>
    AveragePopularity,
    /// <summary>AUC of held-out edges against sampled non-edges (no K), see <see cref="Metrics.Auc"/>.</summary>
    Auc,
}
