using System.Diagnostics;
using GraphAttn.Evaluation.Data;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Evaluation.Splits;
using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Evaluators;

/// <summary>
/// Runs methods side by side on one split: rebuilds the training graph, trains each method on it, and ranks every
/// candidate for every test user. Content follows RecBole's test protocol (train and validation items are
/// excluded, test items are relevant); friends exclude the user and the users it already follows in training, the
/// held-out follows are relevant, and AUC samples non-edges of the full graph.
/// </summary>
public sealed class EvaluationRunner(MethodCatalog catalog, EvaluatorOptions options)
{
    /// <summary>Task name of content recommendation.</summary>
    public const string ContentTask = "content";

    /// <summary>Task name of friend recommendation.</summary>
    public const string FriendTask = "friends";

    /// <summary>Evaluates <paramref name="methods"/> (names from the catalogue) and returns the report.</summary>
    /// <exception cref="ArgumentException">For a method name the catalogue does not know.</exception>
    public EvalReport Run(
        SocialGraph full, DatasetSplit split, string dataset, IReadOnlyList<string> methods,
        IProgress<EvalProgress>? progress = null, Action<string>? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(split);
        var unknown = methods.Where(m => !catalog.IsContent(m) && !catalog.IsFriend(m)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown method(s) {string.Join(", ", unknown)}; known: {string.Join(", ", catalog.ContentNames.Concat(catalog.FriendNames))}.");
        var clock = Stopwatch.StartNew();
        var train = TrainGraph.Build(full, split);
        var trainPairs = GraphViews.Interacted(train);
        var context = new MethodContext(train, trainPairs, Neighbourhood.Undirected(train), options.Seed);
        var evaluator = new FullRankingEvaluator(options);
        var results = new List<MethodResult>();
        var contentTask = new RankingTask(ContentTask,
            SparseBinaryMatrix.FromPairs(full.UserCount, full.ContentCount, trainPairs.Pairs().Concat(split.ContentValid.Pairs())),
            split.ContentTest, false, trainPairs.ColumnCounts());
        var trainFollowing = GraphViews.Following(train);
        var friendTask = new RankingTask(FriendTask, trainFollowing, split.FriendTest, true,
            trainFollowing.ColumnCounts(), GraphViews.Undirected(full));
        foreach (var name in methods)
        {
            ct.ThrowIfCancellationRequested();
            var fit = Stopwatch.StartNew();
            MethodResult result;
            if (catalog.IsContent(name))
            {
                var scorer = catalog.Content(name, context);
                var fitSeconds = Trained(scorer.Name, fit, log);
                result = evaluator.Evaluate(scorer.Name, scorer.ScoreContent, contentTask, progress, ct) with { FitSeconds = fitSeconds };
            }
            else
            {
                var scorer = catalog.Friend(name, context);
                var fitSeconds = Trained(scorer.Name, fit, log);
                result = evaluator.Evaluate(scorer.Name, scorer.ScoreUsers, friendTask, progress, ct) with { FitSeconds = fitSeconds };
            }
            results.Add(result);
        }
        return new EvalReport(dataset, full.ToString() + $"; fingerprint {full.Fingerprint}", split.Description,
            options.Ks, results, clock.Elapsed.TotalSeconds, DateTimeOffset.UtcNow);
    }

    private static double Trained(string method, Stopwatch fit, Action<string>? log)
    {
        var seconds = fit.Elapsed.TotalSeconds;
        log?.Invoke($"{method}: trained in {seconds:F1} s");
        return seconds;
    }
}
