using GraphAttn.Contracts.V1;

namespace GraphAttn.Server.Modeling;

/// <summary>Starts the snapshot store with the host (load the newest snapshot, then watch the folder).</summary>
public sealed class SnapshotStoreHost(ModelServing models) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (models.Store is null) return;
        await models.Store.StartAsync(cancellationToken);
        if (models.Store.Current is null && models.Status.Current is ModelPhase.Waiting)
            models.Status.Set(ModelPhase.Waiting, $"no snapshot in {models.SnapshotFolder} yet: baselines answer");
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
