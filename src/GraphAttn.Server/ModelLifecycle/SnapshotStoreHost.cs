using GraphAttn.Contracts.V1;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Starts the snapshot store in the background (load the newest snapshot, then watch the folder): reading a large
/// snapshot and building its HNSW index takes from seconds to minutes, and the server must listen and answer with the
/// baselines meanwhile.
/// </summary>
public sealed class SnapshotStoreHost(ModelServing models, ILogger<SnapshotStoreHost> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (models.Store is null) return;
            await Task.Yield();
            await models.Store.StartAsync(stoppingToken);
            if (models.Store.Current is null && models.Status.Current is ModelPhase.Waiting)
                models.Status.Set(ModelPhase.Waiting, $"no snapshot in {models.SnapshotFolder} yet: baselines answer");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            models.Status.Set(ModelPhase.Failed, $"snapshot folder {models.SnapshotFolder}: {ex.Message}");
            logger.LogError(ex, "The snapshot store could not start; baselines answer");
        }
        finally
        {
            models.MarkStoreStarted();
        }
    }
}
