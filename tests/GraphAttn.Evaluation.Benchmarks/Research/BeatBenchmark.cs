using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Training;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>
/// Training speed against a bar: <c>beat --graph DIR [--beat X | --baselines bpr,lightgcn,graph-filter,...]
/// [--model key=value+...] [--seed S]</c>. Splits the dataset 8:1:1 (RecBole random, as <c>train</c> does), then, unless
/// <c>--beat</c> gives the bar, ranks the split's validation items with each named baseline (trained on the training
/// part) and takes the best Recall@20 as the bar. Then trains the model with early stopping on the same validation
/// items and prints, per epoch, its seconds and validation Recall@20, and at the end the mean seconds per epoch and the
/// wall time from the start of training until validation Recall@20 first exceeded the bar. Model settings use the
/// research catalogue's keys (<see cref="ModelSettings"/>), e.g. <c>--model epochs=20+prop=3</c>.
/// </summary>
internal static class BeatBenchmark
{
    public static int Run(string[] args)
    {
        var flags = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1]);
        var seed = int.Parse(flags.GetValueOrDefault("--seed", "2026"), CultureInfo.InvariantCulture);
        var source = GraphFolder.Source(flags["--graph"]);
        var full = source.LoadAsync(null, default).GetAwaiter().GetResult();
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed);
        var train = TrainGraph.Build(full, split);
        Console.WriteLine($"{source.Describe}: {full}; training graph {train}; seed {seed}");
        var bar = flags.TryGetValue("--beat", out var given)
            ? double.Parse(given, CultureInfo.InvariantCulture)
            : BestBaseline(full, split, flags.GetValueOrDefault("--baselines", "bpr,lightgcn,graph-filter").Split(','), seed);
        var (model, training) = ModelSettings.From(MethodSpec.Parse("graphattn:" + flags.GetValueOrDefault("--model", "")), seed);
        Console.WriteLine($"bar: validation Recall@20 {bar:F4}; model {model}; training {training}");
        var clock = Stopwatch.StartNew();
        double? beatAt = null;
        var epochSeconds = new List<double>();
        var timings = new List<StepTimings>();
        var progress = new SyncProgress(p =>
        {
            var steps = timings.Count;
            string Ms(Func<StepTimings, double> phase) => (1000 * timings.Sum(phase) / Math.Max(1, steps)).ToString("F0", CultureInfo.InvariantCulture);
            var stepSeconds = timings.Sum(t => t.Total);
            Console.WriteLine($"  {steps} steps, ms per step: batch {Ms(t => t.Batch)}, forward {Ms(t => t.Forward)}, loss {Ms(t => t.Loss)}, " +
                $"backward {Ms(t => t.Backward)}, optimizer {Ms(t => t.Optimizer)}; validation and the rest {(p.Seconds - stepSeconds).ToString("F1", CultureInfo.InvariantCulture)} s");
            timings.Clear();
            var recall = p.Validation.GetValueOrDefault("Recall@20");
            epochSeconds.Add(p.Seconds);
            if (beatAt is null && recall > bar) beatAt = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {p.Epoch,3}: {p.Seconds,7:F1} s, wall {clock.Elapsed.TotalSeconds,7:F0} s, loss {p.ContentLoss:F4} / {p.FriendLoss:F4}, valid Recall@20 {recall:F4}, NDCG@20 {p.Validation.GetValueOrDefault("NDCG@20"):F4}{(p.IsBest ? " *" : "")}"));
        });
        var result = new Trainer(model, training) { StepTimed = timings.Add }.Train(train, split.ContentValid, progress);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epochs {result.Epochs.Count} (best {result.BestEpoch}); mean {epochSeconds.Average():F1} s per epoch (train + validation); " +
            $"training {result.Seconds:F0} s; bar {bar:F4} first beaten {(beatAt is { } at ? $"after {at:F0} s" : "never")}"));
        result.Inputs.Dispose();
        return 0;
    }

    private static double BestBaseline(SocialGraph full, DatasetSplit split, string[] names, int seed)
    {
        // The research catalogue, so a baseline can carry settings (lightgcn:batch=8192+lr=0.01 on a large graph).
        var runner = new EvaluationRunner(ResearchCatalog.Create(names), new EvaluatorOptions { Ks = [20], Seed = seed });
        var report = runner.Run(full, split, "bar", names, onValidation: true);
        foreach (var r in report.ForTask(EvaluationRunner.ContentTask))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline {r.Method}: validation Recall@20 {r.Metrics["Recall@20"]:F4} (fit {r.FitSeconds:F0} s)"));
        return report.ForTask(EvaluationRunner.ContentTask).Max(r => r.Metrics["Recall@20"]);
    }
}
