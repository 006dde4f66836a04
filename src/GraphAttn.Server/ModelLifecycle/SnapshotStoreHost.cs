using GraphAttn.Contracts.V1;
using GraphAttn.Server.Hosting;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Starts the snapshot store in the background (load the newest snapshot, then watch the folder): reading a large
/// snapshot and building its HNSW index takes from seconds to minutes, and the server must listen and answer with the
/// baselines meanwhile.
/// </summary>
public sealed class SnapshotStoreHost(ModelServing models, DataRetention retention, BackgroundFailures failures,
    ILogger<SnapshotStoreHost> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (models.Store is null) return;
            await Task.Yield();
            await models.Store.StartAsync(stoppingToken);
            failures.Clear("snapshot_store");
            retention.PruneSnapshots(models.Store.Current?.File.Path);
            if (models.Store.Current is null && models.Status.Current is ModelPhase.Waiting)
                models.Status.Set(ModelPhase.Waiting, $"no snapshot in {models.SnapshotFolder} yet: baselines answer");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Contained: an unreadable folder or an unexpected error leaves the baselines answering, reported in
            // GetServiceInfo, instead of stopping the host.
            models.Status.Set(ModelPhase.Failed, $"snapshot folder {models.SnapshotFolder}: {ex.Message}");
            failures.Report("snapshot_store", $"{models.SnapshotFolder}: {ex.Message}");
            logger.SnapshotStoreFailed(ex);
        }
        finally
        {
            models.MarkStoreStarted();
        }
    }
}
