using GraphAttn.Graph;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Jobs;

/// <summary>What a <see cref="TrainingJob"/> produced: the trained model, the split it learned on, and its checkpoint.</summary>
/// <param name="Result">The trainer's outcome (model at the best epoch, embeddings, friend-score fit).</param>
/// <param name="Split">The held-out parts.</param>
/// <param name="Train">The training graph (the full graph without the held-out parts, same indices).</param>
/// <param name="Metadata">The checkpoint's metadata, test metrics included.</param>
/// <param name="Ids">The id of every weight row.</param>
public sealed record TrainedModel(TrainResult Result, DatasetSplit Split, SocialGraph Train, CheckpointMetadata Metadata,
    CheckpointIds Ids) : IDisposable
{
    /// <summary>
    /// Writes the checkpoint into <paramref name="folder"/>: beside it first, then renamed into place whole, so a reader
    /// never sees half a checkpoint and a crash leaves the old one. An existing folder is replaced only when it is empty or
    /// holds a checkpoint.
    /// </summary>
    /// <exception cref="IOException">The folder exists and holds something other than a checkpoint.</exception>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(Path.Combine(full, Checkpoint.MetadataFile)))
            throw new IOException($"'{folder}' exists and is not a checkpoint folder; give an empty or new folder.");
        var staging = full + $".staging-{Guid.NewGuid():N}";
        Checkpoint.Save(staging, Result.Model, Metadata, Ids);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        Directory.Move(staging, full);
    }

    /// <summary>Frees the model's and the inputs' native tensors.</summary>
    public void Dispose()
    {
        Result.Inputs.Dispose();
        Result.Model.Dispose();
    }
}
