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

    /// <summary>Content ranking against <paramref name="truth"/>, excluding <paramref name="exclude"/>.</summary>
    public static Validator ForContent(SparseBinaryMatrix exclude, SparseBinaryMatrix truth) =>
        new(new RankingTask("content", exclude, truth, ExcludeSelf: false, exclude.ColumnCounts()), [10, 20]);

    /// <summary>Friend ranking against <paramref name="truth"/>, excluding existing follows and the user.</summary>
    public static Validator ForFriends(SparseBinaryMatrix exclude, SparseBinaryMatrix truth) =>
        new(new RankingTask("friends", exclude, truth, ExcludeSelf: true, exclude.ColumnCounts()), [10, 20]);

    /// <summary>Metrics (Recall@K, NDCG@K, ...) of <paramref name="scorer"/>.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(ModelScorer scorer) =>
        task.ExcludeSelf ? Evaluate((IFriendScorer)scorer) : Evaluate((IContentScorer)scorer);

    /// <summary>Metrics of any content scorer (this must be a content validator).</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IContentScorer scorer) =>
        new FullRankingEvaluator(new EvaluatorOptions { Ks = ks }).Evaluate(scorer.Name, scorer.ScoreContent, task).Metrics;

    /// <summary>Metrics of any friend scorer (this must be a friend validator).</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IFriendScorer scorer) =>
        new FullRankingEvaluator(new EvaluatorOptions { Ks = ks }).Evaluate(scorer.Name, scorer.ScoreUsers, task).Metrics;
}
