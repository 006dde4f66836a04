using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Scoring;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Model.Training;

/// <summary>
/// Full-ranking validation with the evaluation project's evaluator: ranks all contents (or users) for every user with
/// held-out items, excluding what the user already has in training.
/// </summary>
public sealed class Validator(RankingTask task, IReadOnlyList<int> ks)
{
    /// <summary>The early-stopping metric.</summary>
    public const string Metric = "NDCG@20";

    /// <summary>True when this ranks users (friends), false when it ranks contents.</summary>
    public bool RanksFriends => task.ExcludeSelf;

    /// <summary>Content ranking against <paramref name="truth"/>, excluding <paramref name="exclude"/>.</summary>
    public static Validator ForContent(SparseBinaryMatrix exclude, SparseBinaryMatrix truth) =>
        new(new RankingTask("content", exclude, truth, ExcludeSelf: false, exclude.ColumnCounts()), [10, 20]);

    /// <summary>Friend ranking against <paramref name="truth"/>, excluding existing follows and the user.</summary>
    public static Validator ForFriends(SparseBinaryMatrix exclude, SparseBinaryMatrix truth) =>
        new(new RankingTask("friends", exclude, truth, ExcludeSelf: true, exclude.ColumnCounts()), [10, 20]);

    /// <summary>
    /// Per-user metrics (Recall@K, NDCG@K, Precision, Hit, MRR, MAP) of <paramref name="scorer"/>. The dot products of
    /// blocks of users are one matrix product each (<see cref="BlockScores"/>), which on a large catalogue is most of a
    /// validation pass when computed one user at a time; ranking and metrics are the evaluator's, per block of users,
    /// averaged over users.
    /// </summary>
    public IReadOnlyDictionary<string, double> Evaluate(ModelScorer scorer)
    {
        if (!HasWork) return new Dictionary<string, double>();
        var e = scorer.Embeddings;
        var (queries, table) = task.ExcludeSelf ? (e.Friends, e.Friends) : (e.Users, e.Contents);
        var sums = new Dictionary<string, double>();
        var users = task.EvaluatedUsers();
        var evaluator = new FullRankingEvaluator(new EvaluatorOptions { Ks = ks });
        using var scores = new BlockScores(queries, table, e.Dimension);
        foreach (var block in scores.Blocks(users))
        {
            var truth = SparseBinaryMatrix.FromPairs(task.Truth.RowCount, task.Truth.ColumnCount,
                block.Users.SelectMany(u => task.Truth.Row(u).ToArray().Select(c => (u, c))));
            ScoreFunction score = task.ExcludeSelf
                ? (u, s) => { block.Row(u).CopyTo(s); scorer.AddFriendTerms(u, s); }
            : (u, s) => { block.Row(u).CopyTo(s); scorer.AddContentTerms(u, s); };
            foreach (var (key, value) in evaluator.Evaluate(scorer.Name, score, task with { Truth = truth }).Metrics)
                if (PerUser(key)) sums[key] = sums.GetValueOrDefault(key) + value * block.Users.Length;
        }
        return sums.ToDictionary(kv => kv.Key, kv => kv.Value / users.Length);
    }

    private static bool PerUser(string key) => !key.StartsWith("ItemCoverage", StringComparison.Ordinal)
        && !key.StartsWith("AveragePopularity", StringComparison.Ordinal) && key != "AUC";

    /// <summary>
    /// True when there is something to rank: at least one candidate and one held-out pair. A graph without content
    /// (friendships only) has neither for the content task, and the evaluator's catalogue metrics reject an empty
    /// catalogue, so such a task reports no metrics instead.
    /// </summary>
    public bool HasWork => task.CandidateCount > 0 && task.Truth.NonZeroCount > 0;

    /// <summary>Metrics of any content scorer (this must be a content validator); empty without <see cref="HasWork"/>.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IContentScorer scorer) => !HasWork ? new Dictionary<string, double>()
        : new FullRankingEvaluator(new EvaluatorOptions { Ks = ks }).Evaluate(scorer.Name, scorer.ScoreContent, task).Metrics;

    /// <summary>Metrics of any friend scorer (this must be a friend validator); empty without <see cref="HasWork"/>.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IFriendScorer scorer) => !HasWork ? new Dictionary<string, double>()
        : new FullRankingEvaluator(new EvaluatorOptions { Ks = ks }).Evaluate(scorer.Name, scorer.ScoreUsers, task).Metrics;
}
