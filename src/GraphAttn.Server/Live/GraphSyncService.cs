using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Live;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Store;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Live;

/// <summary>
/// Brings what changed at the source into the served graph every GraphAttn:Sync:Seconds: other replicas' events and
/// nodes the app wrote, applied through the writer like local events. Events naming a node not known yet (it may
/// arrive in a later sync from another log) are retried on each sync for a minute, then dropped with a warning. Each
/// sync also lets the writer start a compaction when the overlay is due.
/// </summary>
public sealed class GraphSyncService : BackgroundService
{
    private static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(1);

    /// <summary>Fresh content vectors added per sync at most: an HNSW insertion holds searches back while it runs.</summary>
    public const int MaxFreshPerSync = 256;

    private readonly ILiveSource source;
    private readonly ModelServing models;
    private readonly WeakReference<object?> _freshenedSnapshot = new(null);
    private readonly WeakReference<object?> _freshenedGraph = new(null);
    private readonly ServingStateHolder holder;
    private readonly IOptions<GraphAttnOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<GraphSyncService> logger;
    private readonly List<(GraphEvent Event, DateTimeOffset Since)> _pending = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _lastSync;
    private DateTimeOffset? _lastSyncedFrom;
    private string? _lastProblem;

    /// <summary>
    /// Creates the service. Each graph the writer publishes is matched with the served snapshot's rows here, off the
    /// request path, so the first request after an extension or a compaction does not pay for it.
    /// </summary>
    public GraphSyncService(ILiveSource source, ServingStateHolder holder, ModelServing models, IOptions<GraphAttnOptions> options,
        TimeProvider clock, ILogger<GraphSyncService> logger)
    {
        (this.source, this.holder, this.models, this.options, this.clock, this.logger) = (source, holder, models, options, clock, logger);
        holder.Writer.Published += served =>
        {
            if (models.Store is { } store && store.TryAcquire(out SnapshotLease? lease))
            {
                using (lease)
                {
                    lease.Snapshot.AlignWith(served.Graph);
                }
            }
        };
    }

    /// <summary>Syncs finished since start (for tests and status).</summary>
    public long Syncs { get; private set; }

    /// <summary>Runs one sync now (also what the loop runs).</summary>
    public async Task SyncOnceAsync(CancellationToken ct)
    {
        if (holder.Served is null)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        using var span = GraphAttnActivities.Source.StartActivity(GraphAttnActivities.GraphSync);
        span?.SetTag("graphattn.sync.store", source.Store);
        var pollStarted = clock.GetUtcNow();
        try
        {
            var events = await source.PollAsync(ct);
            var batch = _pending.Select(p => p.Event).Concat(events).ToList();
            var since = _pending.Select(p => p.Since).ToList();
            _pending.Clear();
            if (batch.Count > 0)
            {
                var outcome = await holder.Writer.ApplyAsync(batch, ct);
                var now = clock.GetUtcNow();
                var dropped = new List<GraphEvent>();
                for (int i = 0; i < batch.Count; i++)
                {
                    if (outcome.Outcomes[i] != ApplyOutcome.UnknownNode)
                    {
                        continue;
                    }

                    var first = i < since.Count ? since[i] : now;
                    if (now - first < PendingFor) _pending.Add((batch[i], first));
                    else dropped.Add(batch[i]);
                }

                if (dropped.Count > 0)
                {
                    logger.EventsDropped(dropped.Count, PendingFor.TotalSeconds, $"{dropped[0].Kind} {dropped[0].UserId} -> {dropped[0].TargetId}");
                }
            }

            _lastSync = clock.GetUtcNow();
            _lastSyncedFrom = pollStarted;
            _lastProblem = null;
            Syncs++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _lastProblem = $"last sync failed: {ex.Message}";
            logger.SyncFailed(source.Store, ex);
        }
        finally
        {
            _gate.Release();
            // The served graph holds the source as it was when the last successful poll began: a failing sync lets the
            // lag grow instead of hiding it.
            if (_lastSyncedFrom is { } from) GraphAttnMetrics.SyncLag.Record((clock.GetUtcNow() - from).TotalSeconds);
        }

        holder.Writer.MaybeCompact();
        try
        {
            Freshen();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ObjectDisposedException)
        {
            // A snapshot swapped out mid-way, or the index refused a row: the next sync tries again.
            _lastProblem = $"fresh content vectors failed: {ex.Message}";
            logger.SyncFailed(source.Store, ex);
        }
    }

    /// <summary>
    /// Gives content the served snapshot lacks (created since it was embedded) an inductive vector and appends it to the
    /// snapshot's content index, so the model can recommend it before the next re-embedding: the model's own content
    /// pass when the snapshot's checkpoint is loaded (<see cref="IOnlineContentEmbedder"/>), else the neighbour average
    /// of <see cref="FreshContentVector"/>. Runs once per graph and snapshot pair; at most <see cref="MaxFreshPerSync"/>
    /// a sync.
    /// </summary>
    private void Freshen()
    {
        if (holder.Served is not { } served || models.Store is not { } store || !store.TryAcquire(out SnapshotLease? lease))
        {
            return;
        }

        using (lease)
        {
            var snapshot = lease.Snapshot;
            var graph = served.Graph;
            if (_freshenedSnapshot.TryGetTarget(out var s) && ReferenceEquals(s, snapshot)
                && _freshenedGraph.TryGetTarget(out var g) && ReferenceEquals(g, graph))
            {
                return;
            }

            var alignment = snapshot.AlignWith(graph);
            var model = models.ContentEmbedder is { } embedder && embedder.ModelId == snapshot.Header.ModelId ? embedder : null;
            var fresh = new List<(string Id, float[] Vector)>();
            for (int c = 0; c < graph.ContentCount && fresh.Count < MaxFreshPerSync; c++)
            {
                if (alignment.RetrievalContentRow[c] >= 0)
                {
                    continue;
                }

                if ((model?.Embed(graph, c) ?? FreshContentVector.For(graph, snapshot.Embeddings, alignment, c)) is { } vector)
                {
                    fresh.Add((graph.Contents[c], vector));
                }
            }

            int added = snapshot.AddFreshContents(graph, fresh);
            if (added > 0) logger.FreshContent(added, snapshot.Header.ModelId);
            if (fresh.Count < MaxFreshPerSync)
            {
                _freshenedSnapshot.SetTarget(snapshot);
                _freshenedGraph.SetTarget(graph);
            }
        }
    }

    /// <summary>The living graph's part of GetServiceInfo.</summary>
    public LiveStatus Describe()
    {
        var status = new LiveStatus
        {
            Store = source.Store,
            OverlayEvents = holder.Served?.Live.OverlayEvents ?? 0,
            OverlayBytes = holder.Served?.Live.OverlayBytes ?? 0,
            Compactions = holder.Writer.Compactions,
        };
        if (_lastSync is { } at) status.LastSync = Timestamp.FromDateTimeOffset(at);
        source.Describe(status);
        if (_lastProblem is { } problem) status.Problems.Add(problem);
        return status;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.Sync.Seconds));
        try
        {
            using var timer = new PeriodicTimer(period, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SyncOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }
}
