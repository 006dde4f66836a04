using System.Diagnostics;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation;

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

    /// <summary>
    /// Evaluates <paramref name="methods"/> (names from the catalogue, or <c>all</c>, <c>content</c>, <c>friends</c>: see
    /// <see cref="MethodCatalog.Choose"/>) and returns the report.
    /// </summary>
    /// <exception cref="ArgumentException">For a method name the catalogue does not know.</exception>
    /// <param name="full">The complete graph.</param>
    /// <param name="split">Held-out parts; methods train on the rest.</param>
    /// <param name="dataset">Dataset description for the report.</param>
    /// <param name="methods">Catalogue names, run in this order.</param>
    /// <param name="progress">Ranking progress; optional.</param>
    /// <param name="log">Receives one line per trained method; optional.</param>
    /// <param name="ct">Cancels between methods and users.</param>
    /// <param name="onValidation">True ranks content against the validation items instead of test (excluding only
    /// training items), for choosing hyper-parameters without touching test; friends are always scored on test.</param>
    public EvalReport Run(
        SocialGraph full, DatasetSplit split, string dataset, IReadOnlyList<string> methods,
        IProgress<EvalProgress>? progress = null, Action<string>? log = null, CancellationToken ct = default,
        bool onValidation = false)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(split);
        var chosen = catalog.Choose(methods);
        var clock = Stopwatch.StartNew();
        var train = TrainGraph.Build(full, split);
        var trainPairs = GraphViews.Interacted(train);
        var context = new MethodContext(train, trainPairs, Neighbourhood.Undirected(train), options.Seed);
        var evaluator = new FullRankingEvaluator(options);
        var results = new List<MethodResult>();
        var contentTask = ContentRanking(split, trainPairs, onValidation);
        var trainFollowing = GraphViews.Following(train);
        var friendTask = new RankingTask(FriendTask, trainFollowing, split.FriendTest, true,
            trainFollowing.ColumnCounts(), GraphViews.Undirected(full));
        // A graph without content (a plain social network) or without follows has nothing to rank for that task: its
        // methods are left out with a line saying so, and the other task still runs.
        var empty = new HashSet<string>();
        if (contentTask.CandidateCount == 0 || contentTask.Truth.NonZeroCount == 0) empty.Add(ContentTask);
        if (friendTask.CandidateCount == 0 || friendTask.Truth.NonZeroCount == 0) empty.Add(FriendTask);
        foreach (var task in empty.Where(t => chosen.Any(c => c.Task == t)))
            log?.Invoke($"{task}: skipped, the graph has nothing to rank ({(task == ContentTask ? "no content or no held-out interactions" : "no held-out follows")})");
        chosen = [.. chosen.Where(c => !empty.Contains(c.Task))];
        if (chosen.Count == 0)
            throw new ArgumentException("nothing to evaluate: the chosen methods' tasks have no candidates or no held-out pairs in this graph");
        foreach (var (name, task) in chosen)
        {
            ct.ThrowIfCancellationRequested();
            var fit = Stopwatch.StartNew();
            MethodResult result;
            if (task == ContentTask)
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
        var described = onValidation ? split.Description + "; content scored on VALIDATION items" : split.Description;
        return new EvalReport(dataset, full.ToString() + $"; fingerprint {full.Fingerprint}", described,
            options.Ks, results, clock.Elapsed.TotalSeconds, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The content ranking task of a split: on test, training and validation items are excluded (RecBole's test
    /// protocol); on validation, only training items are.
    /// </summary>
    public static RankingTask ContentRanking(DatasetSplit split, SparseBinaryMatrix trainPairs, bool onValidation = false)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(trainPairs);
        var exclude = onValidation ? trainPairs : SparseBinaryMatrix.FromPairs(
            trainPairs.RowCount, trainPairs.ColumnCount, trainPairs.Pairs().Concat(split.ContentValid.Pairs()));
        return new RankingTask(ContentTask, exclude, onValidation ? split.ContentValid : split.ContentTest, false,
            trainPairs.ColumnCounts());
    }

    private static double Trained(string method, Stopwatch fit, Action<string>? log)
    {
        var seconds = fit.Elapsed.TotalSeconds;
        log?.Invoke($"{method}: trained in {seconds:F1} s");
        return seconds;
    }
}
