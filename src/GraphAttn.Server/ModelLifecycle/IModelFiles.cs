using GraphAttn.Model.Jobs;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Where the server's in-process model work writes its files. A seam so that a failing disk (full, read-only) can be
/// simulated: the server must keep serving what it computed from memory when its files cannot be written.
/// </summary>
public interface IModelFiles
{
    /// <summary>Writes a trained model's checkpoint into <paramref name="folder"/>.</summary>
    void SaveCheckpoint(TrainedModel trained, string folder);

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/> atomically.</summary>
    void WriteSnapshot(EmbeddingSnapshot snapshot, string path);
}

/// <summary>The real files: <see cref="TrainedModel.Save"/> and <see cref="SnapshotWriter.Write"/>.</summary>
public sealed class ModelFiles : IModelFiles
{
    /// <inheritdoc />
    public void SaveCheckpoint(TrainedModel trained, string folder)
    {
        ArgumentNullException.ThrowIfNull(trained);
        trained.Save(folder);
    }

    /// <inheritdoc />
    public void WriteSnapshot(EmbeddingSnapshot snapshot, string path) => SnapshotWriter.Write(snapshot, path);
}
