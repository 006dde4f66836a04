using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Jobs;

/// <summary>
/// Trains the model on a graph the way every caller needs it: a seeded RecBole random split (8:1:1 per user plus 10%
/// of friendships), training on the training part with early stopping on validation, test metrics for content and
/// friends, and the checkpoint's metadata. Used by <c>graphattn train</c> and by the server's in-process training, so
/// both write the same checkpoint for the same graph and settings.
/// </summary>
/// <param name="model">Model settings.</param>
/// <param name="training">Training settings; <see cref="TrainOptions.Seed"/> also seeds the split.</param>
public sealed class TrainingJob(ModelOptions model, TrainOptions training)
{
    /// <summary>Model settings the job trains with.</summary>
    public ModelOptions Model => model;

    /// <summary>Training settings the job trains with.</summary>
    public TrainOptions Training => training;

    /// <summary>Splits <paramref name="full"/>, trains, and measures the result on the test split.</summary>
    /// <param name="full">The whole graph.</param>
    /// <param name="source">Where the graph came from, for the checkpoint's metadata.</param>
    /// <param name="progress">One report per epoch; optional.</param>
    /// <param name="log">Lines about the split and the training mode; optional.</param>
    /// <param name="ct">Cancels between steps.</param>
    public TrainedModel Run(SocialGraph full, string source, IProgress<TrainProgress>? progress = null, TextWriter? log = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(full);
        log ??= TextWriter.Null;
        var split = DatasetSplitter.Split(full, SplitKind.Random, training.Seed);
        var train = TrainGraph.Build(full, split);
        log.WriteLine($"split: {split.Description}; training graph: {train}");
        log.WriteLine($"held out: {SplitProfile.Of(full, split).Describe()}");
        log.WriteLine(training.Mode == TrainMode.MiniBatch
            ? $"mini-batch training: batch {training.BatchSize}, fan-out {training.FanOut} (follows,interactions,content-users)"
            : $"full-graph training: batch {training.BatchSize}");
        var result = new Trainer(model, training).Train(train, split.ContentValid, progress, ct);
        var test = TestMetrics(full, split, train, result);
        var metadata = new CheckpointMetadata
        {
            CreatedUtc = DateTime.UtcNow,
            Source = source,
            GraphFingerprint = full.Fingerprint,
            TrainFingerprint = train.Fingerprint,
            Split = split.Description,
            Users = train.UserCount,
            Contents = train.ContentCount,
            Topics = train.TopicCount,
            Model = model,
            Training = training,
            FriendStructureWeight = result.FriendStructureWeight,
            ContentFilterWeight = result.ContentFilterWeight,
            FriendValidation = result.FriendFit?.Metrics ?? new Dictionary<string, double>(),
            BestEpoch = result.BestEpoch,
            EpochsRun = result.Epochs.Count,
            TrainSeconds = result.Seconds,
            Validation = result.Validation,
            Test = test,
        };
        return new TrainedModel(result, split, train, metadata, CheckpointIds.Of(train));
    }

    // Content ranks every item outside the user's training and validation items; friends every user not yet followed.
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
}
