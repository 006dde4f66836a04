using GraphAttn.Evaluation.Splits;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Server.Modeling;

/// <summary>
/// Trains the model on the served graph for the embedded default: the training part of a seeded random 8:1:1 split,
/// early stopping on the validation part, as `graphattn train` does, and saves the checkpoint (with id tables) into a
/// folder named after the graph's fingerprint, so a restart on the same graph loads it instead of training again.
/// </summary>
public static class EmbeddedTraining
{
    /// <summary>The cached checkpoint folder for <paramref name="graph"/> under <paramref name="dataPath"/>.</summary>
    public static string CheckpointFolder(string dataPath, SocialGraph graph) =>
        Path.Combine(dataPath, "checkpoints", graph.Fingerprint.Length > 16 ? graph.Fingerprint[..16] : graph.Fingerprint);

    /// <summary>The model settings the embedded default trains with.</summary>
    public static ModelOptions ModelSettings => new();

    /// <summary>The training settings the embedded default trains with, for <paramref name="epochs"/> epochs at most.</summary>
    public static TrainOptions TrainingSettings(int epochs) => new() { Epochs = epochs };

    /// <summary>
    /// Why a cached checkpoint is not what <see cref="Train"/> would write now, or null when it is. The cache is keyed
    /// by the graph alone, so without this check a checkpoint from an older release, or one trained for another
    /// <c>TrainEpochs</c>, would be served for ever: for example one written before the friend score's structural term
    /// existed keeps β = 0 (its JSON lacks the setting, which then reads as the current default, so the missing fit is
    /// what gives it away).
    /// </summary>
    public static string? Mismatch(CheckpointMetadata cached, int epochs)
    {
        ArgumentNullException.ThrowIfNull(cached);
        if (cached.Model != ModelSettings) return $"model settings {cached.Model} differ from {ModelSettings}";
        if (cached.Training != TrainingSettings(epochs))
            return $"training settings {cached.Training} differ from {TrainingSettings(epochs)}";
        if (cached.Training.FriendStructure && cached.FriendValidation.Count == 0)
            return "it has no fitted weight for the friend score's structural term (written by an older release)";
        return null;
    }

    /// <summary>Trains, saves into <paramref name="folder"/> (written beside it, then renamed whole), returns the loaded checkpoint.</summary>
    public static (SocialRecModel Model, CheckpointMetadata Metadata) Train(SocialGraph graph, string source, int epochs, string folder,
        IProgress<TrainProgress> progress, CancellationToken ct)
    {
        var model = ModelSettings;
        var training = TrainingSettings(epochs);
        var split = DatasetSplitter.Split(graph, SplitKind.Random, training.Seed);
        var train = TrainGraph.Build(graph, split);
        var result = new Trainer(model, training).Train(train, split.ContentValid, progress, ct);
        result.Inputs.Dispose();
        var staging = folder + $".staging-{Guid.NewGuid():N}";
        Checkpoint.Save(staging, result.Model, new CheckpointMetadata
        {
            CreatedUtc = DateTime.UtcNow, Source = source, GraphFingerprint = graph.Fingerprint, TrainFingerprint = train.Fingerprint,
            Split = split.Description, Users = train.UserCount, Contents = train.ContentCount, Topics = train.TopicCount,
            Model = model, Training = training, BestEpoch = result.BestEpoch, EpochsRun = result.Epochs.Count,
            TrainSeconds = result.Seconds, Validation = result.Validation, FriendStructureWeight = result.FriendStructureWeight,
            FriendValidation = result.FriendFit?.Metrics ?? new Dictionary<string, double>(),
        }, CheckpointIds.Of(train));
        result.Model.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(staging, folder);
        return Checkpoint.Load(folder);
    }
}
