using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Tests.Methods;

/// <summary>
/// The content task on <see cref="ClusteredGraph"/> (seed 4 split): the held-out item lies among ~7 unseen items of the
/// user's own cluster out of 40, which a method that finds the cluster ranks in its top 5 and popularity cannot.
/// </summary>
internal sealed class PlantedClusterTask
{
    private readonly RankingTask _task;
    private readonly FullRankingEvaluator _evaluator = new(new EvaluatorOptions { Ks = [5] });

    public PlantedClusterTask()
    {
        var g = ClusteredGraph.Build();
        var split = DatasetSplitter.Split(g, SplitKind.Random, seed: 4);
        Train = GraphViews.Interacted(TrainGraph.Build(g, split));
        var exclude = SparseBinaryMatrix.FromPairs(g.UserCount, g.ContentCount, Train.Pairs().Concat(split.ContentValid.Pairs()));
        _task = new RankingTask("content", exclude, split.ContentTest, false, Train.ColumnCounts());
    }

    /// <summary>The split's training interactions.</summary>
    public SparseBinaryMatrix Train { get; }

    /// <summary>Recall@5 of <paramref name="scorer"/>.</summary>
    public double Recall(IContentScorer scorer) => _evaluator.Evaluate(scorer.Name, scorer.ScoreContent, _task).Metrics["Recall@5"];

    /// <summary>Recall@5 of popularity, the bar a method must clear.</summary>
    public double PopularityRecall() => Recall(new PopularityScorer(Train));
}
