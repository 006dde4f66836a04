using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>Reference top-k: score every row with a plain loop in double precision, sort, take k.</summary>
internal static class BruteForce
{
    public static int[] TopK(EmbeddingMatrix items, float[] query, int k, Func<int, bool>? accept = null) =>
        Enumerable.Range(0, items.Rows)
            .Where(r => accept?.Invoke(r) ?? true)
            .Select(r => (Row: r, Score: Score(items, query, r)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Row)
            .Take(k)
            .Select(x => x.Row)
            .ToArray();

    public static double Score(EmbeddingMatrix items, float[] query, int row)
    {
        double sum = 0;
        ReadOnlySpan<float> v = items.Row(row);
        for (int d = 0; d < query.Length; d++)
        {
            sum += (double)v[d] * query[d];
        }

        return sum;
    }

    public static double Recall(IEnumerable<ScoredIndex> found, int[] truth) =>
        truth.Length == 0 ? 1.0 : found.Count(f => truth.Contains(f.Index)) / (double)truth.Length;
}
