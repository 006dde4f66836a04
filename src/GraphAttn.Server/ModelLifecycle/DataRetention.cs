using GraphAttn.Server.Hosting;
using GraphAttn.Server.Options;
using GraphAttn.Serving.Store;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Keeps the server's own folders bounded (GraphAttn:Retention): at start it removes stray temporary files; after a
/// snapshot is loaded or written it keeps the newest snapshots and checkpoints, never the ones in use. The snapshot
/// folder is pruned only when the server writes into it (mode "train"); with mode "snapshots" it belongs to the
/// batch job that writes it.
/// </summary>
public sealed class DataRetention(ModelServing models, IOptions<GraphAttnOptions> options, TimeProvider clock,
    BackgroundFailures failures, ILogger<DataRetention> logger) : IHostedService
{
    private readonly RetentionOptions _retention = options.Value.Retention;
    private readonly bool _ownsSnapshots = options.Value.Model.Trains;

    /// <summary>Folder of the server's cached checkpoints.</summary>
    public string CheckpointsFolder => Path.Combine(models.DataPath, "checkpoints");

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var minAge = TimeSpan.FromMinutes(_retention.StrayMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        Report(FolderRetention.RemoveStrays(CheckpointsFolder, minAge, now));
        Report(FolderRetention.RemoveStrays(Path.Combine(models.DataPath, "graph-cache"), minAge, now));
        if (_ownsSnapshots) Report(FolderRetention.RemoveStrays(models.SnapshotFolder, minAge, now));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Keeps the newest snapshots (and <paramref name="inUse"/>) when the server owns the folder.</summary>
    public void PruneSnapshots(string? inUse)
    {
        if (_ownsSnapshots) Report(FolderRetention.PruneSnapshots(models.SnapshotFolder, _retention.Snapshots, inUse));
    }

    /// <summary>Keeps the newest cached checkpoints and <paramref name="inUse"/>.</summary>
    public void PruneCheckpoints(string? inUse) => Report(FolderRetention.PruneFolders(CheckpointsFolder, _retention.Checkpoints, inUse));

    private void Report(FolderRetention.Outcome outcome)
    {
        foreach (var path in outcome.Removed) logger.RetentionRemoved(path);
        foreach (var (path, problem) in outcome.Failed) logger.RetentionFailed(path, problem);
        if (outcome.Failed.Count > 0) failures.Report("retention", $"{outcome.Failed[0].Path}: {outcome.Failed[0].Problem}");
    }
}
