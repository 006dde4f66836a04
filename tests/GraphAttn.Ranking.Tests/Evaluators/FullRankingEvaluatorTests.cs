using GraphAttn.Graph.Matrices;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Ranking.Tests.Evaluators;

public sealed class FullRankingEvaluatorTests
{
    // 3 users x 6 items. Train: u0 {0,1}, u1 {2}, u2 {}. Test: u0 {2,3}, u1 {5}, u2 {} (u2 is skipped).
    private static readonly SparseBinaryMatrix Train = SparseBinaryMatrix.FromPairs(3, 6, [(0, 0), (0, 1), (1, 2)]);
    private static readonly SparseBinaryMatrix Test = SparseBinaryMatrix.FromPairs(3, 6, [(0, 2), (0, 3), (1, 5)]);
    private static readonly RankingTask Task = new("content", Train, Test, false, Train.ColumnCounts());

    private static FullRankingEvaluator Evaluator(params int[] ks) =>
        new(new EvaluatorOptions { Ks = ks, Threads = 2 });

    [Fact]
    public void Evaluate_OracleScorer_AllRankingMetricsOne()
    {
        var result = Evaluator(2).Evaluate("oracle", (u, s) =>
        {
            foreach (var i in Test.Row(u))
            {
                s[i] = 1f;
            }
        }, Task);
        Assert.Equal(2, result.Users);
        foreach (var name in new[] { "Recall@2", "NDCG@2", "Hit@2", "MRR@2", "MAP@2" })
        {
            Assert.Equal(1.0, result.Metrics[name], 12);
        }
        Assert.Equal((1.0 + 0.5) / 2, result.Metrics["Precision@2"], 12);
    }

    [Fact]
    public void Evaluate_ScorerPrefersTrainItems_TrainItemsNeverRecommended()
    {
        // Scores favour training items, then item index descending: u0 gets [5,4], u1 gets [5,4].
        var result = Evaluator(2).Evaluate("seen-lover", (u, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = Train.Contains(u, i) ? 100f : i;
            }
        }, Task);
        Assert.Equal((0.0 + 1.0) / 2, result.Metrics["Recall@2"], 12);
        Assert.Equal((0.0 + 1.0) / 2, result.Metrics["MRR@2"], 12);
        Assert.Equal(2.0 / 6, result.Metrics["ItemCoverage@2"], 12);
        Assert.Equal(0.0, result.Metrics["AveragePopularity@2"], 12);
    }

    [Fact]
    public void Evaluate_HandWorkedRanking_MatchesManualAverage()
    {
        // Ascending index scores: u0 ranks [5,4,3,2] (hit at 3 and 4), u1 ranks [5,4,3,1] (hit at 1).
        var result = Evaluator(3).Evaluate("index", (u, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = i;
            }
        }, Task);
        var u0Ndcg = (1 / Math.Log2(4)) / (1 + (1 / Math.Log2(3)));
        Assert.Equal((u0Ndcg + 1.0) / 2, result.Metrics["NDCG@3"], 12);
        Assert.Equal(((1.0 / 3 / 2) + 1.0) / 2, result.Metrics["MAP@3"], 12);
        Assert.Equal((0.5 + 1.0) / 2, result.Metrics["Recall@3"], 12);
    }

    [Fact]
    public void Evaluate_FriendTask_ExcludesSelfAndComputesAuc()
    {
        var edges = SparseBinaryMatrix.FromPairs(4, 4, [(0, 1), (1, 0)]);
        var heldOut = SparseBinaryMatrix.FromPairs(4, 4, [(0, 2)]);
        var known = SparseBinaryMatrix.FromPairs(4, 4, [(0, 1), (1, 0), (0, 2)]);
        var task = new RankingTask("friends", edges, heldOut, true, edges.ColumnCounts(), known);
        // Self scores highest but must be skipped; the held-out friend 2 beats the only non-edge 3.
        var result = Evaluator(1).Evaluate("cn", (u, s) =>
        {
            s[u] = 10f;
            s[2] = 5f;
            s[3] = 1f;
        }, task);
        Assert.Equal(1.0, result.Metrics["Recall@1"], 12);
        Assert.Equal(1.0, result.Metrics["AUC"], 12);
    }

    [Fact]
    public void Evaluate_ProgressReported_EndsWithAllUsers()
    {
        var reports = new List<EvalProgress>();
        var progress = new SyncProgress(reports);
        Evaluator(2).Evaluate("zero", (_, _) => { }, Task, progress);
        Assert.Equal(2, reports[^1].Done);
        Assert.Equal(2, reports[^1].Total);
        Assert.NotNull(reports[^1].Eta);
    }

    [Fact]
    public void Evaluate_BadCutoff_Throws()
    {
        Assert.Throws<ArgumentException>(() => Evaluator(0).Evaluate("x", (_, _) => { }, Task));
    }

    private sealed class SyncProgress(List<EvalProgress> sink) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
                sink.Sort((a, b) => a.Done.CompareTo(b.Done));
            }
        }
    }
}
