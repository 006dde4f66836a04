using System.Runtime.CompilerServices;
using GraphAttn.Graph;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Store;

/// <summary>
/// A loaded snapshot ready to serve: the embeddings plus retrieval indexes over contents and users. Reference
/// counted: the store holds one reference and every <see cref="SnapshotLease"/> one more; the indexes are disposed
/// when the last reference goes, so requests in flight finish on the snapshot they started with.
/// </summary>
public sealed class ServingSnapshot : IDisposable
{
    private readonly EmbeddingSnapshot _snapshot;
    private readonly IVectorIndex _contents;
    private readonly IVectorIndex _users;
    private readonly ConditionalWeakTable<SocialGraph, SnapshotAlignment> _alignments = new();
    private int _references = 1;
    private int _ownerReleased;

    private ServingSnapshot(SnapshotFileInfo file, EmbeddingSnapshot snapshot, IVectorIndex contents, IVectorIndex users)
    {
        File = file;
        _snapshot = snapshot;
        _contents = contents;
        _users = users;
    }

    /// <summary>The file it was loaded from (path, modification time, length).</summary>
    public SnapshotFileInfo File { get; }

    /// <summary>Model id, graph fingerprint, creation time; readable even after disposal (for logs).</summary>
    public SnapshotHeader Header => _snapshot.Header;

    /// <summary>Whether the last reference was released and the indexes disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Embeddings, id tables and attention weights.</summary>
    /// <exception cref="ObjectDisposedException">Used after the last lease was released.</exception>
    public EmbeddingSnapshot Embeddings => Alive(_snapshot);

    /// <summary>Top-k index over content vectors (exact or HNSW by size).</summary>
    /// <exception cref="ObjectDisposedException">Used after the last lease was released.</exception>
    public IVectorIndex Contents => Alive(_contents);

    /// <summary>Top-k index over user vectors, for friend recommendations.</summary>
    /// <exception cref="ObjectDisposedException">Used after the last lease was released.</exception>
    public IVectorIndex Users => Alive(_users);

    /// <summary>Index maps between <paramref name="graph"/> and this snapshot, computed once per graph and cached.</summary>
    public SnapshotAlignment AlignWith(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return _alignments.GetValue(graph, g => SnapshotAlignment.Create(g, Embeddings));
    }

    /// <summary>
    /// Reads, validates and indexes the snapshot file. The caller owns one reference: hand it to
    /// <see cref="SnapshotStore.PublishAsync"/> or <see cref="Dispose"/> it.
    /// </summary>
    /// <exception cref="SnapshotFormatException">The file is truncated or corrupted.</exception>
    public static ServingSnapshot Load(SnapshotFileInfo file, RetrievalOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        EmbeddingSnapshot snapshot = SnapshotReader.Read(file.Path);
        return FromSnapshot(file, snapshot, options, ct);
    }

    /// <summary>
    /// Indexes an in-memory snapshot (for a freshly embedded model). The caller owns one reference: hand it to
    /// <see cref="SnapshotStore.PublishAsync"/> or <see cref="Dispose"/> it.
    /// </summary>
    public static ServingSnapshot FromSnapshot(
        SnapshotFileInfo file, EmbeddingSnapshot snapshot, RetrievalOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        IVectorIndex contents = VectorIndexFactory.Create(snapshot.ContentVectors, options, ct);
        try
        {
            IVectorIndex users = VectorIndexFactory.Create(snapshot.FriendVectors, options, ct);
            return new ServingSnapshot(file, snapshot, contents, users);
        }
        catch
        {
            contents.Dispose();
            throw;
        }
    }

    /// <summary>Releases the creator's reference (once); the indexes go when the last lease ends too.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ownerReleased, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>Adds a reference unless the snapshot is already fully released.</summary>
    internal bool TryAddReference()
    {
        int current = Volatile.Read(ref _references);
        while (current > 0)
        {
            int seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Drops a reference; the last one disposes the indexes.</summary>
    internal void Release()
    {
        int left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            _contents.Dispose();
            _users.Dispose();
        }
        else if (left < 0)
        {
            throw new InvalidOperationException("Serving snapshot released more times than referenced.");
        }
    }

    private T Alive<T>(T value)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return value;
    }
}
