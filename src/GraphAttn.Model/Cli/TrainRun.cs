using System.Globalization;
using GraphAttn.Evaluation.Data;
using GraphAttn.Evaluation.Imports;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Evaluation.Splits;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Cli;

/// <summary>
/// One <c>train</c> invocation: load, split (RecBole random 8:1:1 per user + 10% of friendships), train on the
/// training part with early stopping on validation, report test metrics for content and friends, save a checkpoint.
/// </summary>
public sealed class TrainRun(string graphFolder, string outFolder, ModelOptions model, TrainOptions training, TextWriter log,
    bool baselines = false)
{
    /// <summary>Runs; returns the process exit code (0 ok, 1 bad input).</summary>
    public int Execute(TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            IGraphSource source = LastFmSource.Recognizes(graphFolder) ? new LastFmSource(graphFolder) : new CsvGraphSource(graphFolder);
            var full = source.LoadAsync(null, ct).GetAwaiter().GetResult();
            log.WriteLine($"loaded {source.Describe}: {full}");
            var split = DatasetSplitter.Split(full, SplitKind.Random, training.Seed);
            var train = TrainGraph.Build(full, split);
            log.WriteLine($"split: {split.Description}; training graph: {train}");
            log.WriteLine($"held out: {SplitProfile.Of(full, split).Describe()}");
            log.WriteLine(training.Mode == TrainMode.MiniBatch
                ? $"mini-batch training: batch {training.BatchSize}, fan-out {training.FanOut} (follows,interactions,content-users)"
                : $"full-graph training: batch {training.BatchSize}");
            var progress = new Progress(log);
            var result = new Trainer(model, training).Train(train, split.ContentValid, progress, ct);
            if (result.FriendFit is { } fit)
                log.WriteLine($"friend score: β = {fit.Weight:G4} for the Adamic-Adar term, fitted on {fit.Users} users' held-out friendships: " +
                    $"{Format(fit.Metrics)} (embeddings alone: {Format(fit.EmbeddingsOnly)})");
            var test = TestMetrics(full, split, train, result);
            foreach (var (task, metrics) in test) output.WriteLine($"test {task}: {Format(metrics)}");
            if (baselines) CompareBaselines(full, split, train, output);
            output.WriteLine($"best epoch {result.BestEpoch} of {result.Epochs.Count}, validation {Format(result.Validation)}, {result.Seconds:F1} s");
            Checkpoint.Save(outFolder, result.Model, new CheckpointMetadata
            {
                CreatedUtc = DateTime.UtcNow, Source = source.Describe, GraphFingerprint = full.Fingerprint,
                TrainFingerprint = train.Fingerprint, Split = split.Description, Users = train.UserCount,
                Contents = train.ContentCount, Topics = train.TopicCount, Model = model, Training = training,
                FriendStructureWeight = result.FriendStructureWeight, FriendValidation = result.FriendFit?.Metrics ?? new Dictionary<string, double>(),
                BestEpoch = result.BestEpoch, EpochsRun = result.Epochs.Count, TrainSeconds = result.Seconds,
                Validation = result.Validation, Test = test,
            }, CheckpointIds.Of(train));
            output.WriteLine($"checkpoint written to {outFolder}");
            result.Inputs.Dispose();
            return 0;
        }
        catch (Exception e) when (e is GraphDataException or IOException or ArgumentException or InvalidDataException)
        {
            error.WriteLine($"train: {e.Message}");
            return 1;
        }
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> TestMetrics(SocialGraph full, DatasetSplit split,
        SocialGraph train, TrainResult result)
    {
        var seen = GraphViews.Interacted(TrainGraph.Build(full, split, keepValidation: true));
        var scorer = result.Scorer();
        return new()
        {
            ["content"] = Validator.ForContent(seen, split.ContentTest).Evaluate(scorer),
            ["friends"] = Validator.ForFriends(GraphViews.Following(train), split.FriendTest).Evaluate(scorer),
        };
    }

    /// <summary>Test metrics of the evaluation catalogue's baselines on the same split, for comparison.</summary>
    private void CompareBaselines(SocialGraph full, DatasetSplit split, SocialGraph train, TextWriter output)
    {
        var catalog = MethodCatalog.Default();
        var context = new MethodContext(train, GraphViews.Interacted(train), Neighbourhood.Undirected(train), training.Seed);
        var seen = GraphViews.Interacted(TrainGraph.Build(full, split, keepValidation: true));
        var friends = Validator.ForFriends(GraphViews.Following(train), split.FriendTest);
        var content = Validator.ForContent(seen, split.ContentTest);
        foreach (var name in catalog.ContentNames)
            output.WriteLine($"baseline content {name}: {Format(content.Evaluate(catalog.Content(name, context)))}");
        foreach (var name in catalog.FriendNames)
            output.WriteLine($"baseline friends {name}: {Format(friends.Evaluate(catalog.Friend(name, context)))}");
    }

    private static string Format(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(", ", metrics.Where(m => m.Key.StartsWith("Recall") || m.Key.StartsWith("NDCG"))
            .Select(m => $"{m.Key} {m.Value.ToString("F4", CultureInfo.InvariantCulture)}"));

    private sealed class Progress(TextWriter log) : IProgress<TrainProgress>
    {
        private double learningRate = double.NaN;

        public void Report(TrainProgress p)
        {
            // A plateau decay is announced once, where it takes effect.
            if (!double.IsNaN(learningRate) && p.LearningRate != learningRate)
                log.WriteLine($"plateau: back to the best epoch's weights, learning rate {learningRate:G4} -> {p.LearningRate:G4}");
            learningRate = p.LearningRate;
            log.WriteLine(
                $"epoch {p.Epoch,3}: loss content {p.ContentLoss:F4} friends {p.FriendLoss:F4} | valid {Format(p.Validation)} | {p.Seconds:F1} s{(p.IsBest ? " *" : "")}");
        }
    }
}
