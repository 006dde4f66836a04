using System.Buffers;
using System.Threading.Channels;
using GraphAttn.Graph.Live;
using Microsoft.Win32.SafeHandles;

namespace GraphAttn.Serving.Events.Log;

/// <summary>
/// Appends events to one log file with group commit: callers queue their event and wait; a single writer loop takes
/// every event waiting, writes them in one write, fsyncs once, and only then completes each caller's task. A caller
/// is acknowledged only once its record is on disk, and a burst of callers costs one fsync. On open, a torn or damaged
/// tail (a crash mid-write) is cut off and reported in <see cref="Opened"/>; the file is never rejected for it.
/// The file stays open for reading by others (tailing replicas).
/// </summary>
public sealed class EventLogWriter : IAsyncDisposable
{
    /// <summary>Most records written per group commit.</summary>
    public const int MaxBatch = 4096;

    private readonly SafeFileHandle _handle;
    private readonly SafeFileHandle _claim;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long? _maxBytes;
    private readonly Task _loop;
    private long _length;
    private long _reserved;
    private long _nextSequence;
    private long _commits;

    private EventLogWriter(string path, SafeFileHandle handle, SafeFileHandle claim, LogScan opened, long? maxBytes)
    {
        Path = path;
        _handle = handle;
        _claim = claim;
        Opened = opened;
        _maxBytes = maxBytes;
        _length = Math.Max(opened.ValidBytes, EventLogFile.HeaderBytes);
        _nextSequence = opened.Events.Count == 0 ? 1 : opened.Events[^1].Sequence + 1;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What was in the file when it was opened (the records to replay, and any tail cut off).</summary>
    public LogScan Opened { get; }

    /// <summary>Bytes on disk (header and acknowledged records).</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <summary>Group commits (fsyncs) made since open.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Opens (or creates) <paramref name="path"/> for appending: existing records are read for replay and a bad tail
    /// is truncated. With <paramref name="maxBytes"/>, appends that would grow the file past it are refused.
    /// </summary>
    /// <exception cref="InvalidDataException">The file exists but is not an event log.</exception>
    /// <exception cref="IOException">Another writer holds the file (its <c>.lock</c> beside it).</exception>
    public static EventLogWriter Open(string path, long? maxBytes = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        // An exclusive OS lock (flock on Linux) on a sibling file claims the log: readers open the log itself shared,
        // and the lock goes with the process however it ends.
        SafeFileHandle claim = File.OpenHandle(ClaimPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }
        catch
        {
            claim.Dispose();
            throw;
        }

        try
        {
            LogScan scan = EventLogFile.Scan(path);
            if (scan.FileBytes > 0 && scan.ValidBytes == 0 && scan.FileBytes >= EventLogFile.HeaderBytes)
            {
                throw new InvalidDataException($"'{path}' is not an event log ({scan.Problem}).");
            }

            if (scan.ValidBytes < EventLogFile.HeaderBytes)
            {
                // Empty, or a header torn by a crash right after creation: start the file again.
                RandomAccess.SetLength(handle, 0);
                RandomAccess.Write(handle, EventLogFile.Header(), 0);
                RandomAccess.FlushToDisk(handle);
            }
            else if (scan.HasBadTail)
            {
                RandomAccess.SetLength(handle, scan.ValidBytes);
                RandomAccess.FlushToDisk(handle);
            }

            return new EventLogWriter(path, handle, claim, scan, maxBytes);
        }
        catch
        {
            handle.Dispose();
            claim.Dispose();
            throw;
        }
    }

    /// <summary>The lock file that claims <paramref name="path"/> for one writer.</summary>
    public static string ClaimPath(string path) => path + ".lock";

    /// <summary>Queues <paramref name="e"/> and completes with its sequence number once it is on disk.</summary>
    /// <exception cref="RetryLaterException">The file would grow past its size limit.</exception>
    /// <exception cref="IOException">The write or the fsync failed (the event is not durable).</exception>
    public Task<long> AppendAsync(GraphEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        long estimate = EventRecord.HeaderBytes + 64 + (4L * (e.EventId.Length + e.UserId.Length + e.TargetId.Length + e.Name.Length));
        if (_maxBytes is long max && Interlocked.Add(ref _reserved, estimate) + Length > max)
        {
            Interlocked.Add(ref _reserved, -estimate);
            throw new RetryLaterException("The event spool is full; retry when the database is reachable again.", TimeSpan.FromSeconds(5));
        }

        var pending = new Pending(e, _maxBytes is null ? 0 : estimate);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventLogWriter));
        }

        return pending.Done.Task;
    }

    /// <summary>Cuts the file back to its header (every record forwarded elsewhere), under the writer loop's order.</summary>
    public Task TruncateAsync()
    {
        var pending = new Pending(null, 0);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(EventLogWriter));
        }

        return pending.Done.Task;
    }

    /// <summary>Finishes the queued appends and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _handle.Dispose();
        _claim.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            buffer.ResetWrittenCount();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out Pending? pending))
            {
                if (pending.Event is null)
                {
                    if (batch.Count == 0)
                    {
                        Truncate(pending);
                        continue;
                    }

                    Commit(batch, buffer);
                    batch.Clear();
                    buffer.ResetWrittenCount();
                    Truncate(pending);
                    continue;
                }

                int mark = buffer.WrittenCount;
                try
                {
                    EventRecord.Write(pending.Event, _nextSequence + batch.Count, buffer);
                    batch.Add(pending);
                }
                catch (ArgumentException ex)
                {
                    Rewind(buffer, mark);
                    Release(pending);
                    pending.Done.TrySetException(ex);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch, buffer);
            }
        }
    }

    private void Commit(List<Pending> batch, ArrayBufferWriter<byte> buffer)
    {
        long at = Interlocked.Read(ref _length);
        try
        {
            RandomAccess.Write(_handle, buffer.WrittenSpan, at);
            RandomAccess.FlushToDisk(_handle);
        }
        catch (IOException ex)
        {
            // Nothing of the batch is acknowledged; cut any partial write so the next batch starts on a record boundary.
            TryCut(at);
            foreach (Pending pending in batch)
            {
                Release(pending);
                pending.Done.TrySetException(ex);
            }

            return;
        }

        Interlocked.Exchange(ref _length, at + buffer.WrittenCount);
        Interlocked.Increment(ref _commits);
        long first = _nextSequence;
        _nextSequence += batch.Count;
        for (int i = 0; i < batch.Count; i++)
        {
            Release(batch[i]);
            batch[i].Done.TrySetResult(first + i);
        }
    }

    private void Truncate(Pending pending)
    {
        try
        {
            RandomAccess.SetLength(_handle, EventLogFile.HeaderBytes);
            RandomAccess.FlushToDisk(_handle);
            Interlocked.Exchange(ref _length, EventLogFile.HeaderBytes);
            pending.Done.TrySetResult(0);
        }
        catch (IOException ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private void TryCut(long length)
    {
        try
        {
            RandomAccess.SetLength(_handle, length);
        }
        catch (IOException)
        {
            // The next open truncates a bad tail anyway.
        }
    }

    private void Release(Pending pending)
    {
        if (pending.Reserved > 0)
        {
            Interlocked.Add(ref _reserved, -pending.Reserved);
        }
    }

    // ArrayBufferWriter cannot shrink: copy the records before the mark into a fresh start.
    private static void Rewind(ArrayBufferWriter<byte> buffer, int mark)
    {
        byte[] kept = buffer.WrittenSpan[..mark].ToArray();
        buffer.ResetWrittenCount();
        buffer.Write(kept);
    }

    private sealed class Pending(GraphEvent? e, long reserved)
    {
        public GraphEvent? Event { get; } = e;

        public long Reserved { get; } = reserved;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
