using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Serving.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphAttn.Serving.Events;

/// <summary>What a batch of events did to the served graph.</summary>
/// <param name="Outcomes">Per event, in input order.</param>
public sealed record BatchOutcome(ApplyOutcome[] Outcomes)
{
    /// <summary>Events that named a node the graph does not hold yet.</summary>
    public int Unknown => Outcomes.Count(o => o == ApplyOutcome.UnknownNode);
}

/// <summary>
/// The one writer of the served graph. It publishes a <see cref="ServedGraph"/> that requests read without locks, and
/// changes it three ways: edge events (interactions, follows, unfollows) go into the overlay's active layer at once;
/// node events (users, contents) extend the graph (<see cref="GraphExtension"/>, batched: concurrent callers share one
/// extension); and a compaction, in the background once the overlay passes <see cref="LiveOptions.CompactEvents"/> or
/// <see cref="LiveOptions.CompactAfter"/>, folds the overlay into a new graph and swaps it in, after which the folded
/// layer is dropped and its memory freed. Event ids already applied (<see cref="EventIdWindow"/>) are not applied again.
/// Extensions, compactions and resets run one at a time; edge events are applied under a short lock meanwhile.
/// </summary>
public sealed partial class LiveGraphWriter
{
    private readonly LiveOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _write = new();
    private readonly SemaphoreSlim _maintenance = new(1, 1);
    private readonly ConcurrentQueue<PendingNodes> _nodes = new();
    private readonly ConcurrentDictionary<string, byte> _local = new(StringComparer.Ordinal);
    private volatile ServedGraph? _current;
    private long _version;
    private long _applied;
    private int _compacting;

    /// <summary>Creates a writer; nothing is served until <see cref="ResetAsync"/>.</summary>
    public LiveGraphWriter(LiveOptions? options = null, TimeProvider? clock = null, ILogger<LiveGraphWriter>? logger = null)
    {
        _options = options ?? new LiveOptions();
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<LiveGraphWriter>.Instance;
        Seen = new EventIdWindow(_options.DedupeWindow);
    }

    /// <summary>What requests answer from; null until the first graph is published.</summary>
    public ServedGraph? Current => _current;

    /// <summary>Ids of the events applied lately.</summary>
    public EventIdWindow Seen { get; }

    /// <summary>Events applied since the process started.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Compactions finished since the process started.</summary>
    public int Compactions { get; private set; }

    /// <summary>Raised after each publication, on the publishing thread (e.g. to prepare per-graph caches).</summary>
    public event Action<ServedGraph>? Published;

    /// <summary>
    /// Serves <paramref name="state"/>, a graph fresh from its source, with <paramref name="replay"/> applied on top
    /// (the events the source does not hold yet: the event logs, or the unsent spool). Events naming nodes that
    /// neither the graph nor the replay creates are returned as unknown.
    /// </summary>
    public async Task<BatchOutcome> ResetAsync(ServingState state, IReadOnlyList<GraphEvent> replay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        await _maintenance.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var live = LiveGraph.Fresh(state.Graph, Now);
            var nodes = replay.Where(e => e.IsNode).ToList();
            if (nodes.Count > 0)
            {
                var extension = GraphExtension.Extend(live.Graph, nodes);
                state = state.Extended(extension.Graph);
                live = LiveGraph.Fresh(extension.Graph, Now);
            }

            var outcomes = new ApplyOutcome[replay.Count];
            ServedGraph served;
            lock (_write)
            {
                // The window describes what the served graph holds: a fresh graph holds only the replay.
                Seen.Clear();
                for (int i = 0; i < replay.Count; i++)
                {
                    outcomes[i] = replay[i].IsNode ? (Seen.Add(replay[i].EventId) ? ApplyOutcome.Changed : ApplyOutcome.Unchanged) : ApplyLocked(live, replay[i]);
                }

                served = Publish(new ServedGraph(state, live));
            }

            Announce(served);
            return new BatchOutcome(outcomes);
        }
        finally
        {
            _maintenance.Release();
        }
    }

    /// <summary>
    /// Marks <paramref name="eventId"/> as being recorded through this replica's API: until <see cref="EndLocal"/>,
    /// a sync that reads it back from the store leaves it to the API call, which then reports whether it changed
    /// anything. Call before making the event durable.
    /// </summary>
    public void BeginLocal(string eventId) => _local[eventId] = 0;

    /// <summary>Ends <see cref="BeginLocal"/>.</summary>
    public void EndLocal(string eventId) => _local.TryRemove(eventId, out _);

    /// <summary>Applies one interaction, follow or unfollow to the overlay (a node event must go through <see cref="ApplyAsync"/>).</summary>
    /// <exception cref="InvalidOperationException">Nothing is served yet.</exception>
    public ApplyOutcome ApplyEdge(GraphEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ApplyOutcome outcome;
        lock (_write)
        {
            outcome = ApplyLocked(Require().Live, e);
        }

        MaybeCompact();
        return outcome;
    }

    /// <summary>
    /// Applies a batch: node events first (one extension for all of them, shared with concurrent callers), then the
    /// edges in order. Returns per event what happened; events naming unknown nodes are left for the caller to retry.
    /// Events another call is recording through the API (<see cref="BeginLocal"/>) are skipped unless
    /// <paramref name="local"/> is set: that call applies them.
    /// </summary>
    public async Task<BatchOutcome> ApplyAsync(IReadOnlyList<GraphEvent> events, CancellationToken ct, bool local = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        var outcomes = new ApplyOutcome[events.Count];
        bool Skip(GraphEvent e) => !local && !_local.IsEmpty && _local.ContainsKey(e.EventId);
        var nodeIndexes = Enumerable.Range(0, events.Count).Where(i => events[i].IsNode && !Skip(events[i])).ToArray();
        if (nodeIndexes.Length > 0)
        {
            var pending = new PendingNodes([.. nodeIndexes.Select(i => events[i])]);
            _nodes.Enqueue(pending);
            await _maintenance.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                ExtendQueued();
            }
            finally
            {
                _maintenance.Release();
            }

            bool[] changed = await pending.Done.Task.ConfigureAwait(false);
            for (int k = 0; k < nodeIndexes.Length; k++)
            {
                outcomes[nodeIndexes[k]] = changed[k] ? ApplyOutcome.Changed : ApplyOutcome.Unchanged;
            }
        }

        lock (_write)
        {
            LiveGraph live = Require().Live;
            for (int i = 0; i < events.Count; i++)
            {
                if (!events[i].IsNode)
                {
                    outcomes[i] = Skip(events[i]) ? ApplyOutcome.Unchanged : ApplyLocked(live, events[i]);
                }
            }
        }

        MaybeCompact();
        return new BatchOutcome(outcomes);
    }

    /// <summary>
    /// Folds the overlay into a new graph now, whatever its size, and returns when the new graph serves (false when
    /// the overlay was empty). For tests, benchmarks and shutdown; the writer compacts on its own otherwise.
    /// </summary>
    public async Task<bool> CompactAsync(CancellationToken ct)
    {
        await _maintenance.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return Compact();
        }
        finally
        {
            _maintenance.Release();
        }
    }

    /// <summary>Starts a compaction in the background when the overlay is over its size or age limit.</summary>
    public void MaybeCompact()
    {
        if (_current?.Live.Active is not { EventCount: > 0 } active)
        {
            return;
        }

        bool due = active.EventCount >= _options.CompactEvents
                   || Now - active.OpenedAtMs >= (long)_options.CompactAfter.TotalMilliseconds;
        if (!due || Interlocked.CompareExchange(ref _compacting, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            var done = false;
            try
            {
                await CompactAsync(CancellationToken.None).ConfigureAwait(false);
                done = true;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or OutOfMemoryException or GraphDataException)
            {
                Log.CompactionFailed(_logger, ex);
            }
            finally
            {
                Volatile.Write(ref _compacting, 0);
            }

            // The layer that filled up while this compaction ran is folded now, not at the next event or sync tick
            // (after a failure those retry, so a failing compaction cannot spin).
            if (done) MaybeCompact();
        });
    }

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private ServedGraph Require() => _current ?? throw new InvalidOperationException("No graph is served yet.");

    private ApplyOutcome ApplyLocked(LiveGraph live, GraphEvent e)
    {
        if (Seen.Contains(e.EventId))
        {
            return ApplyOutcome.Unchanged;
        }

        ApplyOutcome outcome = live.Apply(e, _version + 1);
        if (outcome != ApplyOutcome.UnknownNode)
        {
            _version++;
            Seen.Add(e.EventId);
            Interlocked.Increment(ref _applied);
        }

        return outcome;
    }

    // Runs under the maintenance gate: one extension for every node event queued so far.
    private void ExtendQueued()
    {
        var batch = new List<PendingNodes>();
        while (_nodes.TryDequeue(out PendingNodes? pending))
        {
            batch.Add(pending);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            ServedGraph current = Require();
            // Ids applied before (a retried upsert) are acknowledged without applying them again.
            var fresh = batch.SelectMany(p => p.Events).Where(e => !Seen.Contains(e.EventId)).ToList();
            var extension = GraphExtension.Extend(current.Graph, fresh);
            if (!ReferenceEquals(extension.Graph, current.Graph))
            {
                ServingState state = current.State.Extended(extension.Graph);
                ServedGraph served;
                lock (_write)
                {
                    served = Publish(new ServedGraph(state, Require().Live.WithExtendedGraph(extension.Graph)));
                }

                Announce(served);
            }

            var changed = fresh.Select((e, i) => (e, extension.Changed[i])).ToLookup(x => x.e, x => x.Item2);
            foreach (GraphEvent e in fresh)
            {
                Seen.Add(e.EventId);
                Interlocked.Increment(ref _applied);
            }

            foreach (PendingNodes pending in batch)
            {
                pending.Done.TrySetResult([.. pending.Events.Select(e => changed[e].FirstOrDefault())]);
            }
        }
        catch (Exception ex)
        {
            foreach (PendingNodes pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    // Runs under the maintenance gate.
    private bool Compact()
    {
        ServedGraph before = Require();
        if (before.Live.Active.EventCount == 0)
        {
            return false;
        }

        var watch = Stopwatch.StartNew();
        LiveGraph frozen;
        lock (_write)
        {
            frozen = Require().Live.WithNewLayer(Now);
            Publish(new ServedGraph(Require().State, frozen));
        }

        CompactedGraph compacted = LiveCompaction.Fold(frozen);
        ServingState state = before.State.Compacted(compacted.Graph);
        if (before.State.HasCommunities)
        {
            _ = state.Communities; // the profile request after the swap should not pay for the recount
        }

        ServedGraph served;
        lock (_write)
        {
            served = Publish(new ServedGraph(state, new LiveGraph(compacted.Graph, compacted.Clock, compacted.Folded, [Require().Live.Active])));
        }

        Announce(served);
        Compactions++;
        double foldMs = watch.Elapsed.TotalMilliseconds;
        double collectMs = 0;
        if (_options.CollectAfterCompaction)
        {
            watch.Restart();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            collectMs = watch.Elapsed.TotalMilliseconds;
        }

        Log.Compacted(_logger, compacted.Events, compacted.Graph.ToString(), foldMs, collectMs);
        return true;
    }

    // Called under the write lock, so no edit lands on a view that is no longer current.
    private ServedGraph Publish(ServedGraph served) => _current = served;

    // Outside the lock: handlers may take time (a per-graph cache warm-up) without holding up edits.
    private void Announce(ServedGraph served) => Published?.Invoke(served);

    private sealed class PendingNodes(GraphEvent[] events)
    {
        public GraphEvent[] Events { get; } = events;

        public TaskCompletionSource<bool[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, EventName = "Compacted", Level = LogLevel.Information,
            Message = "Folded {Events} overlay events into the graph ({Counts}) in {ElapsedMs:F0} ms, then collected garbage in {CollectMs:F0} ms")]
        public static partial void Compacted(ILogger logger, int events, string counts, double elapsedMs, double collectMs);

        [LoggerMessage(EventId = 3101, EventName = "CompactionFailed", Level = LogLevel.Error,
            Message = "Compaction failed; the overlay keeps serving and is retried")]
        public static partial void CompactionFailed(ILogger logger, Exception exception);
    }
}
