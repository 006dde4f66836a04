using System.Diagnostics;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Benchmarks;

/// <summary>Runs every query through a search function and summarises latency and throughput.</summary>
internal static class LatencyRun
{
    /// <summary>One query at a time: per-query latency (median, p99) and the sequential rate.</summary>
    public static (double MedianMs, double P99Ms, double Qps, ScoredIndex[][] Results) Sequential(
        float[][] queries, Func<float[], ScoredIndex[]> search)
    {
        var results = new ScoredIndex[queries.Length][];
        var ms = new double[queries.Length];
        var total = Stopwatch.StartNew();
        for (int q = 0; q < queries.Length; q++)
        {
            long start = Stopwatch.GetTimestamp();
            results[q] = search(queries[q]);
            ms[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(ms);
        return (Percentile(ms, 0.50), Percentile(ms, 0.99), queries.Length / total.Elapsed.TotalSeconds, results);
    }

    /// <summary>Queries from <paramref name="workers"/> threads at once, like concurrent requests: queries per second.</summary>
    public static double Throughput(float[][] queries, int workers, Func<float[], ScoredIndex[]> search)
    {
        var total = Stopwatch.StartNew();
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, q => search(queries[q]));
        return queries.Length / total.Elapsed.TotalSeconds;
    }

    public static double Recall(ScoredIndex[][] found, ScoredIndex[][] truth)
    {
        double sum = 0;
        for (int q = 0; q < found.Length; q++)
        {
            var expected = truth[q].Select(t => t.Index).ToHashSet();
            sum += expected.Count == 0 ? 1 : found[q].Count(f => expected.Contains(f.Index)) / (double)expected.Count;
        }

        return sum / found.Length;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
