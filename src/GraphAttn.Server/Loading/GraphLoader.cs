using GraphAttn.Graph;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Options;
using GraphAttn.Serving.State;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Loading;

/// <summary>
/// Loads the graph at start-up (in the background, so the server listens and reports NOT_SERVING meanwhile) and on
/// demand. A reload builds a complete new state before swapping it in; a failed reload leaves the old state serving.
/// </summary>
public sealed class GraphLoader(IGraphSource source, ServingStateHolder holder, GraphCache cache, TimeProvider clock,
    IOptions<GraphAttnOptions> options, ILogger<GraphLoader> logger) : BackgroundService
{
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly Lock _cacheGate = new();

    /// <summary>Completes when the first load attempt has finished (successfully or not).</summary>
    public Task FirstLoad => _firstLoad.Task;
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Until a graph fresh from the source is served, keep trying: the database may still be starting, or an
        // operator may be fixing a seed file. Health stays NOT_SERVING meanwhile and every failure is logged with its
        // cause; a cached graph (with the last snapshot) answers requests in the meantime when there is one.
        var retry = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.Graph.RetrySeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested && (holder.Current is null || holder.StaleReason is not null))
            {
                try
                {
                    await ReloadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.GraphLoadFailed(source.Describe, retry.TotalSeconds, ex);
                    if (holder.Current is null) await ServeCacheAsync(ex, stoppingToken);
                    _firstLoad.TrySetResult();
                    await Task.Delay(retry, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        finally
        {
            _firstLoad.TrySetResult();
        }
    }

    /// <summary>Loads the graph again and publishes it; serialised with other reloads. Returns (previous, current).</summary>
    public async Task<(ServingState? Previous, ServingState Current)> ReloadAsync(CancellationToken ct)
    {
        await _reloadGate.WaitAsync(ct);
        try
        {
            var started = clock.GetTimestamp();
            logger.GraphLoading(source.Describe);
            var progress = new Progress<GraphLoadProgress>(p => { if (p.Done) logger.GraphStageRead(p.Stage, p.Rows); });
            var graph = await source.LoadAsync(progress, ct);
            var state = ServingState.Baseline(graph, source.Describe, clock.GetUtcNow());
            state.WarmUp();
            var previous = holder.Current;
            holder.Publish(state);
            logger.GraphLoaded(graph.ToString(), state.Provenance.ModelVersion, clock.GetElapsedTime(started).TotalMilliseconds);
            if (cache.Enabled) _ = Task.Run(() => SaveCache(graph, state.LoadedAt), CancellationToken.None);
            return (previous, state);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    // The source is down and nothing is served yet: answer from the last graph read, marked stale for health.
    private async Task ServeCacheAsync(Exception failure, CancellationToken ct)
    {
        if (!cache.Enabled || cache.Newest() is not { } cached) return;
        try
        {
            var graph = await cached.Source.LoadAsync(null, ct);
            var state = ServingState.Baseline(graph, $"cache of {cached.Entry.Source} read {cached.Entry.LoadedAt:u}", clock.GetUtcNow());
            holder.PublishStale(state,
                $"Serving the cached graph read {cached.Entry.LoadedAt:u} because {source.Describe} is unavailable: {failure.Message}");
            logger.ServingCachedGraph(cached.Entry.LoadedAt, graph.ToString());
        }
        catch (Exception ex) when (ex is GraphDataException or IOException)
        {
            logger.GraphCacheFailed(cache.Folder, ex);
        }
    }

    private void SaveCache(SocialGraph graph, DateTimeOffset loadedAt)
    {
        try
        {
            lock (_cacheGate) cache.Save(graph, source.Describe, loadedAt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.GraphCacheFailed(cache.Folder, ex);
        }
    }
}
