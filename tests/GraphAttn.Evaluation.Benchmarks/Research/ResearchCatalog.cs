using System.Runtime.CompilerServices;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Methods.LightGcn;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>
/// The evaluation catalogue plus the model and every method with settings named on the command line
/// (<see cref="MethodSpec"/>), so variants are compared on one split in one run. The model is registered as
/// <c>graphattn</c> (content) and <c>graphattn-friends</c> (friends), trained once per split with the library's
/// defaults unless the spec overrides them, stopping early on a validation sample it carves itself.
/// </summary>
internal static class ResearchCatalog
{
    private static readonly ConditionalWeakTable<MethodContext, Dictionary<string, ModelScorer>> Trained = new();

    public static MethodCatalog Create(IEnumerable<string> names)
    {
        var catalog = MethodCatalog.Default();
        foreach (var spec in names.Select(MethodSpec.Parse).Append(MethodSpec.Parse("graphattn")).Append(MethodSpec.Parse("graphattn-friends")))
        {
            if (spec.Settings.Count == 0 && (catalog.IsContent(spec.Name) || catalog.IsFriend(spec.Name))) continue;
            Register(catalog, spec);
        }
        return catalog;
    }

    private static void Register(MethodCatalog catalog, MethodSpec spec)
    {
        if (spec.IsFriends) Friends(catalog, spec);
        else Content(catalog, spec);
    }

    private static void Content(MethodCatalog catalog, MethodSpec spec)
    {
        Func<MethodContext, IContentScorer> make = spec.Base.ToLowerInvariant() switch
        {
            "lightgcn" => m => new LightGcnContentScorer(m.TrainInteractions, LightGcn(spec, m.Seed), Console.Error.WriteLine),
            "graph-filter" => m => new GraphFilterContentScorer(m.Train, Filter(spec, m.Seed)),
            "server-fallback" => m => new GraphFilterPopularityScorer(m.Train, spec.Int("keep", GraphFilterPopularityScorer.DefaultNeighbors)),
            "graphattn" => m => Model(spec, m),
            // The same training as graphattn:<settings>, scored by the vectors alone (no graph filter term).
            "graphattn-raw" => m => new ModelScorer(Model(spec with { Name = "graphattn" }, m).Embeddings),
            _ => throw new ArgumentException($"no settings known for content method '{spec.Name}'"),
        };
        catalog.AddContent(spec.Text, m => new NamedContent(spec.Text, make(m)));
    }

    private static void Friends(MethodCatalog catalog, MethodSpec spec)
    {
        Func<MethodContext, IFriendScorer> make = spec.Base.ToLowerInvariant() switch
        {
            "lightgcn" => m => new LightGcnFriendScorer(m.TrainFriends, LightGcn(spec, m.Seed), Console.Error.WriteLine),
            "graph-filter" => m => new GraphFilterFriendScorer(m.TrainFriends, Filter(spec, m.Seed)),
            "graphattn" => m => Model(spec, m),
            _ => throw new ArgumentException($"no settings known for friend method '{spec.Name}'"),
        };
        catalog.AddFriend(spec.Text, m => new NamedFriends(spec.Text, make(m)));
    }

    private static LightGcnOptions LightGcn(MethodSpec s, int seed)
    {
        var d = new LightGcnOptions();
        return d with
        {
            Seed = seed,
            LearningRate = (float)s.Double("lr", d.LearningRate),
            BatchSize = s.Int("batch", d.BatchSize),
            Layers = s.Int("layers", d.Layers),
            L2 = (float)s.Double("l2", d.L2),
            Dimensions = s.Int("dim", d.Dimensions),
            MaxEpochs = s.Int("epochs", d.MaxEpochs),
            ValidateEvery = s.Int("every", d.ValidateEvery),
            Patience = s.Int("patience", d.Patience),
        };
    }

    private static GraphFilterOptions Filter(MethodSpec s, int seed)
    {
        var d = new GraphFilterOptions();
        return d with
        {
            Seed = seed,
            LowPassRank = s.Int("rank", d.LowPassRank),
            LowPassWeight = (float)s.Double("alpha", d.LowPassWeight),
            PowerIterations = s.Int("iterations", d.PowerIterations),
        };
    }

    private static ModelScorer Model(MethodSpec spec, MethodContext context)
    {
        var cache = Trained.GetValue(context, _ => []);
        lock (cache)
        {
            if (cache.TryGetValue(spec.SharedKey, out var scorer)) return scorer;
            var (model, training) = ModelSettings.From(spec, context.Seed);
            var progress = new SyncProgress(p => Console.Error.WriteLine(
                $"{spec.SharedKey} epoch {p.Epoch}: loss {p.ContentLoss:F4} / {p.FriendLoss:F4}, valid {string.Join(", ", p.Validation.Where(m => m.Key.EndsWith("@20")).Select(m => $"{m.Key} {m.Value:F4}"))}, {p.Seconds:F1} s{(p.IsBest ? " *" : "")}"));
            var result = new Trainer(model, training).Train(context.Train, validation: null, progress);
            Console.Error.WriteLine($"{spec.SharedKey}: best epoch {result.BestEpoch} of {result.Epochs.Count}, {result.Seconds:F1} s, friend β {result.FriendStructureWeight}, content γ {result.ContentFilterWeight:G4}" +
                (result.ContentFit is { } cf ? $" (validation NDCG@20 {cf.Metrics[Validator.Metric]:F4} vs {cf.EmbeddingsOnly[Validator.Metric]:F4} without)" : ""));
            result.Inputs.Dispose();
            result.Model.Dispose();
            scorer = result.Scorer(spec.Base);
            cache[spec.SharedKey] = scorer;
            return scorer;
        }
    }
}
