namespace GraphAttn.Serving.Store;

/// <summary>
/// Keeps one <see cref="ServingSnapshot"/> alive for the duration of a request. Dispose it when the request is done
/// (a <c>using</c> declaration); disposing twice is harmless.
/// </summary>
public sealed class SnapshotLease : IDisposable
{
    private ServingSnapshot? _snapshot;

    internal SnapshotLease(ServingSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>The leased snapshot.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public ServingSnapshot Snapshot => _snapshot ?? throw new ObjectDisposedException(nameof(SnapshotLease));

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _snapshot, null)?.Release();
}
