using System.Threading.Channels;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Live;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Events;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Serving.Events.Log;

namespace GraphAttn.Server.Live;

/// <summary>
/// The Neo4j source's event store, change feed and spool. Events are written to Neo4j in group commits: one loop
/// takes every event waiting and writes them in one transaction (<see cref="Neo4jEventWriter"/>), and each caller is
/// acknowledged once it committed. When Neo4j cannot be reached, the batch, and every event after it, goes to the
/// local spool instead (an event log, fsynced before the acknowledgement), so the API stays available; the loop
/// retries every GraphAttn:Sync:SpoolRetrySeconds to forward the spool in order (the writes are idempotent, so a
/// forward cut short is simply repeated), empties it, and writes directly again. A full spool refuses events with
/// UNAVAILABLE and a retry delay. The change feed reads what any replica or the app wrote since the database time
/// taken before the last full load.
/// </summary>
public sealed class Neo4jLiveSource : ILiveSource
{
    private const int MaxBatch = 1000;

    private readonly Neo4jDriver _driver;
    private readonly Neo4jOptions _connection;
    private readonly Neo4jGraphSource _feed;
    private readonly Neo4jEventWriter _writer;
    private readonly EventLogWriter _spool;
    private readonly TimeSpan _retry;
    private readonly TimeSpan _overlap;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _feedGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private ChangeCursor? _loadCursor;
    private ChangeCursor? _cursor;
    private volatile bool _spooling;
    private volatile string? _lastFailure;
    private long _lastForward = long.MinValue;
    private bool _indexed;

    /// <summary>Starts the writing loop; a spool left by an earlier run is forwarded first.</summary>
    public Neo4jLiveSource(Neo4jDriver driver, Neo4jOptions connection, Neo4jGraphSourceOptions options, EventLogWriter spool,
        TimeSpan spoolRetry, TimeSpan overlap, TimeProvider clock, ILogger logger)
    {
        _driver = driver;
        _connection = connection;
        _feed = new Neo4jGraphSource(driver, options);
        _writer = new Neo4jEventWriter(driver, options);
        _spool = spool;
        _retry = spoolRetry;
        _overlap = overlap;
        _clock = clock;
        _logger = logger;
        _spooling = spool.Opened.Events.Count > 0;
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public string Store => "neo4j";

    /// <summary>Whether events go to the spool now.</summary>
    public bool IsSpooling => _spooling;

    /// <inheritdoc />
    public async Task BeforeLoadAsync(CancellationToken ct)
    {
        await Neo4jConnector.VerifyAsync(_driver, _connection, ct);
        if (!_indexed)
        {
            await _writer.EnsureIndexesAsync(ct);
            _indexed = true;
        }

        _loadCursor = ChangeCursor.At(await _feed.ServerTimeAsync(ct));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphEvent>> AfterLoadAsync(CancellationToken ct)
    {
        await _feedGate.WaitAsync(ct);
        try
        {
            // A stale graph served from the cache has no database time: the feed waits for a full load.
            _cursor = _loadCursor;
            _loadCursor = null;
            return EventLogFile.Scan(_spool.Path).Events;
        }
        finally
        {
            _feedGate.Release();
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(GraphEvent e, CancellationToken ct)
    {
        var pending = new Pending(e);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(Neo4jLiveSource));
        }

        return pending.Done.Task;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GraphEvent>> PollAsync(CancellationToken ct)
    {
        await _feedGate.WaitAsync(ct);
        try
        {
            if (_cursor is null)
            {
                return [];
            }

            GraphDelta delta = await _feed.LoadChangesAsync(_cursor, _overlap, ct);
            _cursor = delta.Next;
            return delta.ToEvents();
        }
        finally
        {
            _feedGate.Release();
        }
    }

    /// <inheritdoc />
    public void Describe(LiveStatus status)
    {
        status.Mode = _spooling ? "spooling" : "direct";
        status.SpoolBytes = Math.Max(0, _spool.Length - EventLogFile.HeaderBytes);
        if (_spool.Opened.Problem is { } problem)
        {
            status.Problems.Add($"spool {Path.GetFileName(_spool.Path)}: {problem} at start");
        }

        if (_lastFailure is { } failure)
        {
            status.Problems.Add(failure);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while forwarding.
        }

        await _spool.DisposeAsync();
        await _driver.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var ct = _stopping.Token;
        while (true)
        {
            // Forward attempts are paced: while Neo4j is down, each one waits for a connection timeout.
            if (_spooling && (_lastForward == long.MinValue || _clock.GetElapsedTime(_lastForward) >= _retry))
            {
                _lastForward = _clock.GetTimestamp();
                await ForwardSpoolAsync(ct);
            }

            if (!await WaitForWorkAsync(ct))
            {
                return;
            }

            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out Pending? pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            if (!_spooling && await TryWriteAsync(batch, ct))
            {
                continue;
            }

            await SpoolAsync(batch);
        }
    }

    // True when events wait; false when the source is closing. While spooling, returns after the retry delay too.
    private async Task<bool> WaitForWorkAsync(CancellationToken ct)
    {
        if (!_spooling)
        {
            return await _queue.Reader.WaitToReadAsync(CancellationToken.None);
        }

        var waiting = _queue.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
        var delay = Task.Delay(_retry - _clock.GetElapsedTime(_lastForward) is { Ticks: > 0 } left ? left : TimeSpan.Zero, _clock, ct);
        await Task.WhenAny(waiting, delay);
        return !waiting.IsCompleted || waiting.Result;
    }

    // Writes the batch directly; false when Neo4j is unreachable (the batch is then for the spool).
    private async Task<bool> TryWriteAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await _writer.WriteAsync([.. batch.Select(p => p.Event)], ct);
            foreach (Pending pending in batch) pending.Done.TrySetResult();
            return true;
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            _spooling = true;
            _lastForward = _clock.GetTimestamp();
            _lastFailure = $"Neo4j unreachable, spooling since {_clock.GetUtcNow():u}: {ex.Message}";
            _logger.Spooling(_spool.Path, ex);
            return false;
        }
        catch (Neo4jException)
        {
            // Neo4j refused the batch (a constraint, a bad value): find the events it refuses, one at a time.
            foreach (Pending pending in batch)
            {
                try
                {
                    await _writer.WriteAsync([pending.Event], ct);
                    pending.Done.TrySetResult();
                }
                catch (Neo4jException single) when (!IsUnreachable(single, ct))
                {
                    pending.Done.TrySetException(single);
                }
                catch (Exception other) when (IsUnreachable(other, ct))
                {
                    // Went away meanwhile: this one and the rest are spooled.
                    _spooling = true;
                    await SpoolAsync([.. batch.SkipWhile(p => p != pending)]);
                    return true;
                }
            }

            return true;
        }
    }

    private async Task SpoolAsync(List<Pending> batch)
    {
        var appends = new List<(Pending Pending, Task Append)>(batch.Count);
        foreach (Pending pending in batch)
        {
            try
            {
                appends.Add((pending, _spool.AppendAsync(pending.Event)));
            }
            catch (Exception ex) when (ex is Serving.RetryLaterException or ObjectDisposedException)
            {
                pending.Done.TrySetException(ex);
            }
        }

        foreach (var (pending, append) in appends)
        {
            try
            {
                await append;
                pending.Done.TrySetResult();
            }
            catch (IOException ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private async Task ForwardSpoolAsync(CancellationToken ct)
    {
        var events = EventLogFile.Scan(_spool.Path).Events;
        try
        {
            foreach (var chunk in events.Chunk(MaxBatch))
            {
                await _writer.WriteAsync(chunk, ct);
            }
        }
        catch (Exception ex) when (IsUnreachable(ex, ct) || ex is Neo4jException)
        {
            _lastFailure = $"Neo4j unreachable, spooling; last forward attempt {_clock.GetUtcNow():u}: {ex.Message}";
            return;
        }

        // This loop is the spool's only writer, so nothing was appended while forwarding.
        await _feedGate.WaitAsync(ct);
        try
        {
            await _spool.TruncateAsync();
            _spooling = false;
            _lastFailure = null;
        }
        finally
        {
            _feedGate.Release();
        }

        _logger.SpoolForwarded(events.Count);
    }

    private static bool IsUnreachable(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        ServiceUnavailableException or IOException or TimeoutException or System.Net.Sockets.SocketException => true,
        Neo4jException neo4j => neo4j.CanBeRetried,
        _ => false,
    };

    private sealed class Pending(GraphEvent e)
    {
        public GraphEvent Event { get; } = e;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
