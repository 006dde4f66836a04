using System.Diagnostics;
using System.Globalization;
using GraphAttn.Evaluation;
using GraphAttn.Evaluation.Methods.Content;
using GraphAttn.Graph.Loading;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking.Evaluators;

/// <summary>
/// <c>bpr-sweep DATASET SETTING...</c> with SETTING = <c>lr,reg,epochs,dims</c>: trains BPR per setting on the
/// random 8:1:1 split (seed 2026) and prints validation Recall@10 / NDCG@10, the figures the BPR defaults were
/// chosen by. Test items are never scored here.
/// </summary>
internal static class BprSweep
{
    public static int Run(string dataset, IReadOnlyList<string> settings)
    {
        var graph = GraphFolder.Source(dataset).LoadAsync(null, default).GetAwaiter().GetResult();
        var split = DatasetSplitter.Split(graph);
        var train = GraphViews.Interacted(TrainGraph.Build(graph, split));
        var task = EvaluationRunner.ContentRanking(split, train, onValidation: true);
        var evaluator = new FullRankingEvaluator(new EvaluatorOptions { Ks = [10] });
        Console.WriteLine("| lr | reg | epochs | dims | valid Recall@10 | valid NDCG@10 | fit s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in settings)
        {
            var p = s.Split(',');
            var o = new BprOptions
            {
                LearningRate = float.Parse(p[0], CultureInfo.InvariantCulture),
                Regularization = float.Parse(p[1], CultureInfo.InvariantCulture),
                Epochs = int.Parse(p[2], CultureInfo.InvariantCulture),
                Dimensions = int.Parse(p[3], CultureInfo.InvariantCulture),
                Seed = SplitDefaults.Seed,
            };
            var clock = Stopwatch.StartNew();
            var bpr = new BprScorer(train, o);
            var fit = clock.Elapsed.TotalSeconds;
            var m = evaluator.Evaluate("BPR", bpr.ScoreContent, task).Metrics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {o.LearningRate} | {o.Regularization} | {o.Epochs} | {o.Dimensions} | {m["Recall@10"]:F4} | {m["NDCG@10"]:F4} | {fit:F1} |"));
        }

        return 0;
    }
}
