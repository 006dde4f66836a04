using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using GraphAttn.Serving.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphAttn.Serving.Store;

/// <summary>
/// Serves the newest valid snapshot of a folder and swaps atomically to newer ones: at start, on
/// <see cref="ReloadAsync"/>, when the folder watcher sees a new file, and on a polling timer. Requests take a
/// <see cref="SnapshotLease"/>; a swap never waits for them, and the replaced snapshot is disposed when its last
/// lease ends. Invalid newer files are logged once (per path, time and length) and skipped.
/// </summary>
public sealed class SnapshotStore : IAsyncDisposable
{
    private readonly SnapshotStoreOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly Dictionary<SnapshotFileInfo, string> _rejected = [];
    private readonly CancellationTokenSource _stopping = new();
    private ServingSnapshot? _current;
    private SnapshotFolderWatcher? _watcher;
    private Task _polling = Task.CompletedTask;
    private long _swaps;
    private bool _disposed;
    private bool _reportedEmpty; // "no snapshot" is logged once, not at every poll

    /// <summary>Creates a store; call <see cref="StartAsync"/> to load and begin watching.</summary>
    public SnapshotStore(SnapshotStoreOptions options, ILogger<SnapshotStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Folder);
        _options = options with { Folder = Path.GetFullPath(options.Folder) };
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Header and file of the snapshot being served, or null when none is.</summary>
    public (SnapshotHeader Header, SnapshotFileInfo File)? Current =>
        Volatile.Read(ref _current) is { } c ? (c.Header, c.File) : null;

    /// <summary>Number of swaps so far (the initial load counts as one).</summary>
    public long SwapCount => Interlocked.Read(ref _swaps);

    /// <summary>Loads the newest valid snapshot (if any), then starts the watcher and the polling timer.</summary>
    public async Task<SnapshotReloadResult> StartAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(_options.Folder);
        SnapshotReloadResult result = await ReloadAsync(ct).ConfigureAwait(false);
        if (_options.WatchFolder)
        {
            _watcher = new SnapshotFolderWatcher(_options.Folder, () => _ = ReloadInBackgroundAsync());
        }

        if (_options.PollInterval != Timeout.InfiniteTimeSpan)
        {
            _polling = PollAsync(_stopping.Token);
        }

        return result;
    }

    /// <summary>Leases the current snapshot, or returns false when none is loaded. Dispose the lease when done.</summary>
    public bool TryAcquire([NotNullWhen(true)] out SnapshotLease? lease)
    {
        while (Volatile.Read(ref _current) is { } current)
        {
            // Fails only if this snapshot was swapped out and fully released meanwhile: read the new one.
            if (current.TryAddReference())
            {
                lease = new SnapshotLease(current);
                return true;
            }
        }

        lease = null;
        return false;
    }

    /// <summary>Leases the current snapshot.</summary>
    /// <exception cref="InvalidOperationException">No snapshot is loaded.</exception>
    public SnapshotLease Acquire() =>
        TryAcquire(out SnapshotLease? lease)
            ? lease
            : throw new InvalidOperationException($"No embedding snapshot is loaded from {_options.Folder}.");

    /// <summary>
    /// Scans the folder and swaps to the newest valid snapshot newer than the one served. Concurrent calls run one
    /// after another. Invalid files are skipped (logged), never thrown.
    /// </summary>
    public async Task<SnapshotReloadResult> ReloadAsync(CancellationToken ct = default)
    {
        await _reloadGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await Task.Run(() => ReloadCore(ct), ct).ConfigureAwait(false);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>
    /// Serves <paramref name="snapshot"/> (e.g. embedded in-process by a freshly trained model) from now on; the store
    /// takes over the caller's reference. A file in the folder replaces it later only if written after
    /// <see cref="SnapshotFileInfo.LastWriteUtc"/> of <paramref name="snapshot"/>.
    /// </summary>
    public async Task PublishAsync(ServingSnapshot snapshot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _reloadGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Swap(snapshot);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Stops watching and polling and releases the store's reference to the current snapshot.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _watcher?.Dispose();
        await _polling.ConfigureAwait(false);
        await _reloadGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                Interlocked.Exchange(ref _current, null)?.Dispose();
            }
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private SnapshotReloadResult ReloadCore(CancellationToken ct)
    {
        ServingSnapshot? current = Volatile.Read(ref _current);
        var rejected = new List<(string, string)>();
        foreach (SnapshotFileInfo candidate in NewestFirst().Where(f => f.IsNewerThan(current?.File)))
        {
            ct.ThrowIfCancellationRequested();
            if (_rejected.TryGetValue(candidate, out string? knownProblem))
            {
                rejected.Add((candidate.Path, knownProblem));
                continue;
            }

            var clock = Stopwatch.StartNew();
            try
            {
                ServingSnapshot loaded = ServingSnapshot.Load(candidate, _options.Retrieval, ct);
                Swap(loaded);
                SnapshotStoreLog.Swapped(_logger, candidate.Path, loaded.Header.ModelId, loaded.Header.GraphFingerprint,
                    loaded.Embeddings.UserIds.Length, loaded.Embeddings.ContentIds.Length, loaded.Contents.Kind, clock.ElapsedMilliseconds);
                return new SnapshotReloadResult(SnapshotReloadOutcome.Swapped, candidate, rejected);
            }
            catch (Exception e) when (e is SnapshotFormatException or IOException or UnauthorizedAccessException)
            {
                string problem = e is SnapshotFormatException format ? format.Problem : e.Message;
                _rejected[candidate] = problem;
                rejected.Add((candidate.Path, problem));
                SnapshotStoreLog.Rejected(_logger, candidate.Path, problem);
            }
        }

        if (current is null)
        {
            if (!_reportedEmpty) SnapshotStoreLog.NoSnapshot(_logger, _options.Folder);
            _reportedEmpty = true;
            return new SnapshotReloadResult(SnapshotReloadOutcome.NoSnapshot, null, rejected);
        }

        return new SnapshotReloadResult(SnapshotReloadOutcome.Unchanged, current.File, rejected);
    }

    private void Swap(ServingSnapshot loaded)
    {
        ServingSnapshot? previous = Interlocked.Exchange(ref _current, loaded);
        Interlocked.Increment(ref _swaps);

        // Leases taken before the swap keep the previous snapshot alive until they end.
        previous?.Dispose();
    }

    private IEnumerable<SnapshotFileInfo> NewestFirst() =>
        new DirectoryInfo(_options.Folder)
            .EnumerateFiles("*" + SnapshotFormat.Extension)
            .Where(f => !f.Name.StartsWith('.'))
            .Select(SnapshotFileInfo.Of)
            .OrderByDescending(f => f.LastWriteUtc)
            .ThenByDescending(f => f.Path, StringComparer.Ordinal)
            .ToList();

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                await ReloadInBackgroundAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Store disposed.
        }
    }

    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await ReloadAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Store disposed.
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
            // Store disposed while a watcher event was queued.
        }
        catch (Exception e)
        {
            SnapshotStoreLog.BackgroundReloadFailed(_logger, e);
        }
    }
}
