namespace GraphAttn.Ranking.Metrics;

/// <summary>
/// Per-user ranking metrics at a cut-off K, defined exactly as RecBole 1.x defines them so that numbers compare with
/// published full-ranking tables. Every function takes the hit flags of one user's ranked list (position 0 = best),
/// already cut to at most K entries, and the number of relevant (held-out) items of that user.
/// </summary>
/// <remarks>
/// Definitions (hits = flags of the top-K list, |R| = relevant count, rank i is 1-based):
/// <list type="bullet">
/// <item>Recall@K = (number of hits) / |R|.</item>
/// <item>Precision@K = (number of hits) / K; K is the cut-off, not the list length, as in RecBole.</item>
/// <item>Hit@K = 1 when at least one hit, else 0.</item>
/// <item>MRR@K = 1 / (rank of the first hit), 0 when no hit within K.</item>
/// <item>NDCG@K = DCG / IDCG with binary gains, DCG = sum over hit ranks of 1/log2(i+1),
/// IDCG = sum for i = 1..min(|R|, K) of 1/log2(i+1).</item>
/// <item>MAP@K = (sum over hit ranks i of Precision@i) / min(|R|, K).</item>
/// </list>
/// A user with no relevant items is not evaluated (RecBole drops them); these functions throw for |R| = 0.
/// </remarks>
public static class RankingMetrics
{
    /// <summary>Recall@K: share of the relevant items that appear in the top K.</summary>
    public static double Recall(ReadOnlySpan<bool> hits, int relevant, int k) =>
        CountHits(hits, relevant, k) / (double)relevant;

    /// <summary>Precision@K: hits divided by K (not by the list length).</summary>
    public static double Precision(ReadOnlySpan<bool> hits, int relevant, int k) =>
        CountHits(hits, relevant, k) / (double)k;

    /// <summary>Hit@K (HitRate): 1 when any relevant item is in the top K, else 0.</summary>
    public static double HitRate(ReadOnlySpan<bool> hits, int relevant, int k) =>
        CountHits(hits, relevant, k) > 0 ? 1.0 : 0.0;

    /// <summary>MRR@K: reciprocal rank of the first hit, 0 when none within K.</summary>
    public static double Mrr(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        Check(relevant, k);
        var n = Math.Min(hits.Length, k);
        for (var i = 0; i < n; i++)
        {
            if (hits[i])
            {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }

    /// <summary>NDCG@K with binary gains; the ideal list holds min(|R|, K) hits.</summary>
    public static double Ndcg(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        Check(relevant, k);
        var n = Math.Min(hits.Length, k);
        var dcg = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (hits[i])
            {
                dcg += Discount(i);
            }
        }
        var idcg = 0.0;
        var ideal = Math.Min(relevant, k);
        for (var i = 0; i < ideal; i++)
        {
            idcg += Discount(i);
        }
        return dcg / idcg;
    }

    /// <summary>MAP@K: sum of Precision@i at each hit rank i, divided by min(|R|, K).</summary>
    public static double AveragePrecision(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        Check(relevant, k);
        var n = Math.Min(hits.Length, k);
        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (hits[i])
            {
                found++;
                sum += found / (double)(i + 1);
            }
        }
        return sum / Math.Min(relevant, k);
    }

    /// <summary>Gain discount of the item at 0-based position <paramref name="position"/>: 1/log2(position+2).</summary>
    internal static double Discount(int position) => 1.0 / Math.Log2(position + 2);

    private static int CountHits(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        Check(relevant, k);
        var n = Math.Min(hits.Length, k);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (hits[i])
            {
                count++;
            }
        }
        return count;
    }

    private static void Check(int relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(relevant, 1);
    }
}
