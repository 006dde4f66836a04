using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Store;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// The model side of one request: a lease on the served snapshot, bound to the request's graph. Dispose it when the
/// request ends; a snapshot swapped out meanwhile stays usable until then. Create with <see cref="TryOpen"/>.
/// </summary>
public sealed class ModelView : IDisposable
{
    private readonly SnapshotLease _lease;
    private readonly OnlineEmbeddings? _online;

    private ModelView(SnapshotLease lease, SocialGraph graph, OnlineEmbeddings? online)
    {
        _lease = lease;
        Graph = graph;
        Snapshot = lease.Snapshot;
        Alignment = Snapshot.AlignWith(graph);
        Retriever = new EmbeddingRetriever(graph, Snapshot, Alignment);
        Reasons = new AttentionReasons(graph, Snapshot.Embeddings, Alignment);
        // Online vectors are only comparable with content vectors of the same model.
        _online = online is not null && online.ModelId == Snapshot.Header.ModelId ? online : null;
        Provenance = new Provenance
        {
            ModelVersion = Snapshot.Header.ModelId,
            Method = "gat",
            GraphFingerprint = graph.Fingerprint,
        };
    }

    /// <summary>A view of the store's current snapshot over <paramref name="graph"/>, or null when none is loaded.</summary>
    public static ModelView? TryOpen(SnapshotStore store, SocialGraph graph, OnlineEmbeddings? online)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TryAcquire(out SnapshotLease? lease) ? new ModelView(lease, graph, online) : null;
    }

    /// <summary>The graph the request is answered over.</summary>
    public SocialGraph Graph { get; }

    /// <summary>The leased snapshot.</summary>
    public ServingSnapshot Snapshot { get; }

    /// <summary>Graph index ↔ snapshot row maps.</summary>
    public SnapshotAlignment Alignment { get; }

    /// <summary>Top-k retrieval with the API's filters.</summary>
    public EmbeddingRetriever Retriever { get; }

    /// <summary>Explanations from attention weights.</summary>
    public AttentionReasons Reasons { get; }

    /// <summary>Provenance of answers ranked by this snapshot's model.</summary>
    public Provenance Provenance { get; }

    /// <summary>Whether users can be embedded at request time with the snapshot's model.</summary>
    public bool HasOnlineModel => _online is not null;

    /// <summary>
    /// How the model sees graph user <paramref name="user"/> now: online (the model run over their current
    /// neighbourhood) when they have live events or are missing from the snapshot and the model is loaded; else their
    /// snapshot row; else, without a model, a neighbour average. Null when nothing applies (answer with baselines).
    /// </summary>
    public ModelUser? Resolve(int user, UserOverlay overlay)
    {
        int row = Alignment.UserRow[user];
        if (_online is not null && (row < 0 || !overlay.IsEmpty) && _online.Get(Graph, user, overlay) is { } fresh)
        {
            return new ModelUser(fresh.User, fresh.Friend, fresh.Attention, ModelUserSource.Online);
        }

        if (row >= 0)
        {
            float[] vector = Snapshot.Embeddings.UserVectors.Row(row).ToArray();
            return new ModelUser(vector, FriendRow(row),
                UserAttention.FromSnapshot(Snapshot.Embeddings, Alignment, row), ModelUserSource.Snapshot);
        }

        var seen = overlay.Seen.Select(id => Graph.Contents.TryGetIndex(id, out int c) ? c : -1).Where(c => c >= 0);
        return ColdStartVector.For(Graph, Snapshot.Embeddings, Alignment, user, seen) is { } average
            ? new ModelUser(average, average, UserAttention.None, ModelUserSource.NeighbourAverage)
            : null;
    }

    // Friend scores use the friend matrix (format 1 files: the user matrix).
    private float[] FriendRow(int row) => Snapshot.Embeddings.FriendVectors.Row(row).ToArray();

    /// <summary>Ends the lease.</summary>
    public void Dispose() => _lease.Dispose();
}
