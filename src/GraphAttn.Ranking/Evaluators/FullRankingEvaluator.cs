using System.Diagnostics;
using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Ranking.Evaluators;

/// <summary>
/// Ranks every candidate for every test user (no sampled negatives), excludes seen items, takes the top K by
/// partial selection and averages the per-user metrics of <see cref="RankingMetrics"/> over users, in parallel.
/// </summary>
/// <param name="options">Cut-offs, parallelism and AUC sampling; see <see cref="EvaluatorOptions"/>.</param>
public sealed class FullRankingEvaluator(EvaluatorOptions options)
{
    /// <summary>Evaluates one method on one task.</summary>
    /// <param name="method">Name shown in reports.</param>
    /// <param name="score">Scores all candidates of a user; must be safe to call from several threads.</param>
    /// <param name="task">The ranking problem.</param>
    /// <param name="progress">Receives progress about every 1% of users; optional.</param>
    /// <param name="ct">Stops the pass between users.</param>
    public MethodResult Evaluate(
        string method, ScoreFunction score, RankingTask task, IProgress<EvalProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(task);
        var ks = options.Ks;
        if (ks.Count == 0 || ks.Any(k => k < 1))
        {
            throw new ArgumentException($"Cut-offs must be >= 1 (got [{string.Join(", ", ks)}]).", nameof(options));
        }
        var maxK = ks.Max();
        var users = task.EvaluatedUsers();
        var perUser = new double[users.Length, MetricKey.PerUser.Length * ks.Count];
        var lists = new int[users.Length][];
        var auc = new UserAucSamples[users.Length];
        var clock = Stopwatch.StartNew();
        var done = 0;
        var step = Math.Max(1, users.Length / 100);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = ct };
        Parallel.For(0, users.Length, parallel, () => new float[task.CandidateCount], (i, _, scores) =>
        {
            var user = users[i];
            scores.AsSpan().Clear();
            score(user, scores);
            Exclude(task, user, scores);
            if (task.AucNonEdges is not null)
            {
                auc[i] = UserAucSamples.Sample(task, user, scores, options.AucNegativesPerPositive, options.Seed);
            }
            var top = new int[maxK];
            var n = TopK.Select(scores, top);
            lists[i] = top[..n];
            WriteUserMetrics(task, user, lists[i], ks, perUser, i);
            var now = Interlocked.Increment(ref done);
            if (progress is not null && (now % step == 0 || now == users.Length))
            {
                progress.Report(new EvalProgress(method, now, users.Length, clock.Elapsed));
            }
            return scores;
        }, _ => { });
        var metrics = Average(perUser, users.Length, ks);
        foreach (var k in ks)
        {
            metrics[new MetricKey(MetricKind.ItemCoverage, k).ToString()] =
                CatalogueMetrics.ItemCoverage(lists, k, task.CandidateCount);
            metrics[new MetricKey(MetricKind.AveragePopularity, k).ToString()] =
                CatalogueMetrics.AveragePopularity(lists, k, task.Popularity);
        }
        if (task.AucNonEdges is not null && users.Length > 0)
        {
            metrics["AUC"] = UserAucSamples.Pool(auc);
        }
        return new MethodResult(method, task.Name, users.Length, metrics, clock.Elapsed.TotalSeconds);
    }

    private static void Exclude(RankingTask task, int user, Span<float> scores)
    {
        foreach (var c in task.Exclude.Row(user))
        {
            scores[c] = TopK.Excluded;
        }
        if (task.ExcludeSelf)
        {
            scores[user] = TopK.Excluded;
        }
    }

    private static void WriteUserMetrics(
        RankingTask task, int user, int[] list, IReadOnlyList<int> ks, double[,] perUser, int row)
    {
        var relevant = task.Truth.RowLength(user);
        var hits = new bool[list.Length];
        for (var j = 0; j < list.Length; j++)
        {
            hits[j] = task.Truth.Contains(user, list[j]);
        }
        var col = 0;
        foreach (var k in ks)
        {
            perUser[row, col++] = RankingMetrics.Recall(hits, relevant, k);
            perUser[row, col++] = RankingMetrics.Ndcg(hits, relevant, k);
            perUser[row, col++] = RankingMetrics.Precision(hits, relevant, k);
            perUser[row, col++] = RankingMetrics.HitRate(hits, relevant, k);
            perUser[row, col++] = RankingMetrics.Mrr(hits, relevant, k);
            perUser[row, col++] = RankingMetrics.AveragePrecision(hits, relevant, k);
        }
    }

    private static Dictionary<string, double> Average(double[,] perUser, int users, IReadOnlyList<int> ks)
    {
        var result = new Dictionary<string, double>();
        var col = 0;
        foreach (var k in ks)
        {
            foreach (var kind in MetricKey.PerUser)
            {
                var sum = 0.0;
                for (var u = 0; u < users; u++)
                {
                    sum += perUser[u, col];
                }
                result[new MetricKey(kind, k).ToString()] = users == 0 ? 0.0 : sum / users;
                col++;
            }
        }
        return result;
    }
}
