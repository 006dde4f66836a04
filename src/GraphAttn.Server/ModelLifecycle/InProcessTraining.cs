using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Jobs;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// The server's own training (Mode "train"): the <see cref="TrainingJob"/> that `graphattn train` runs, with the
/// default settings, saved into a folder named after the graph's fingerprint, so a restart on the same graph loads it
/// instead of training again.
/// </summary>
public static class InProcessTraining
{
    /// <summary>The cached checkpoint folder for <paramref name="graph"/> under <paramref name="dataPath"/>.</summary>
    public static string CheckpointFolder(string dataPath, SocialGraph graph) =>
        Path.Combine(dataPath, "checkpoints", graph.Fingerprint.Length > 16 ? graph.Fingerprint[..16] : graph.Fingerprint);

    /// <summary>The model settings the server trains with.</summary>
    public static ModelOptions ModelSettings => new();

    /// <summary>The training settings the server trains with, for <paramref name="epochs"/> epochs at most.</summary>
    public static TrainOptions TrainingSettings(int epochs) => new() { Epochs = epochs };

    /// <summary>
    /// Why a cached checkpoint is not what <see cref="Train"/> would write now, or null when it is. The cache is keyed
    /// by the graph alone, so without this check a checkpoint from an older build, or one trained for another
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
            return "it has no fitted weight for the friend score's structural term (written by an older build)";
        return null;
    }

    /// <summary>
    /// Trains and saves into <paramref name="folder"/> (written beside it, then renamed whole) through
    /// <paramref name="files"/>; returns the model in inference mode, its metadata and ids, and why it could not be
    /// saved (null when it was). A model that cannot be written (a full disk) is still returned, so it can be served
    /// from memory.
    /// </summary>
    public static (SocialRecModel Model, CheckpointMetadata Metadata, CheckpointIds Ids, string? NotSaved) Train(SocialGraph graph,
        string source, int epochs, string folder, IModelFiles files, IProgress<TrainProgress> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trained = new TrainingJob(ModelSettings, TrainingSettings(epochs)).Run(graph, source, progress, ct: ct);
        try
        {
            files.SaveCheckpoint(trained, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            trained.Result.Inputs.Dispose();
            trained.Result.Model.eval();
            return (trained.Result.Model, trained.Metadata, trained.Ids, ex.Message);
        }

        trained.Dispose();
        var (model, metadata) = Checkpoint.Load(folder);
        return (model, metadata, CheckpointIds.Read(folder) ?? trained.Ids, null);
    }
}
