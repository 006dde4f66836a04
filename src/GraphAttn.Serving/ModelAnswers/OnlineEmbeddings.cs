using GraphAttn.Graph;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// Online embeddings with a cache: a result is reused until the user records another event or the graph is replaced,
/// so repeated requests pay for the model once. The cache is a bounded LRU keyed by (graph generation, user): past
/// <see cref="Capacity"/> entries the least recently used one goes (never the whole cache at once), and entries of a
/// replaced graph hold only its generation number, so they age out without keeping that graph alive. Model calls run
/// outside the cache's lock, concurrently; requests that miss on the same (generation, user, event count) while its
/// embedding is being computed wait for that one call instead of each calling the model (a user's own burst of
/// requests after an event, or every hot user's after a compaction, would otherwise run the model once per request).
/// </summary>
public sealed class OnlineEmbeddings
{
    /// <summary>Default number of cached users.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly IOnlineUserEmbedder _embedder;
    private readonly Dictionary<(long Generation, int User), LinkedListNode<Entry>> _index = [];
    private readonly LinkedList<Entry> _recency = []; // most recently used first
    private readonly Dictionary<(long Generation, int User), Flight> _inFlight = [];
    private readonly Lock _lock = new();
    private long _computed;

    /// <summary>Caches <paramref name="embedder"/>'s results for up to <paramref name="capacity"/> users.</summary>
    public OnlineEmbeddings(IOnlineUserEmbedder embedder, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _embedder = embedder;
        Capacity = capacity;
    }

    /// <summary>Most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>Entries kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _index.Count;
        }
    }

    /// <summary>The model these embeddings come from.</summary>
    public string ModelId => _embedder.ModelId;

    /// <summary>Model calls made (cache misses); for tests and metrics.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    /// <summary>The user's online embedding over <paramref name="graph"/> plus <paramref name="overlay"/>; null when they have nothing.</summary>
    public OnlineUserVector? Get(SocialGraph graph, int user, UserOverlay overlay)
    {
        var key = (GraphGenerations.Of(graph), user);
        lock (_lock)
        {
            if (_index.TryGetValue(key, out LinkedListNode<Entry>? node) && node.Value.Version == overlay.Version)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                GraphAttnMetrics.OnlineEmbeddingLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));
                return node.Value.Result;
            }
        }

        GraphAttnMetrics.OnlineEmbeddingLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        Flight flight;
        lock (_lock)
        {
            if (!_inFlight.TryGetValue(key, out flight!) || flight.Version != overlay.Version)
            {
                flight = new Flight(overlay.Version, new Lazy<OnlineUserVector?>(() => Compute(graph, user, overlay),
                    LazyThreadSafetyMode.ExecutionAndPublication));
                _inFlight[key] = flight;
            }
        }

        OnlineUserVector? result;
        try
        {
            result = flight.Result.Value;
        }
        catch
        {
            // A failed call is not kept: the next request calls the model again.
            lock (_lock) EndFlight(key, flight);
            throw;
        }

        lock (_lock)
        {
            // Cached before the flight ends, so a request arriving in between finds one or the other.
            EndFlight(key, flight);
            if (_index.TryGetValue(key, out LinkedListNode<Entry>? stale))
            {
                // Another request computed it meanwhile, or an older version is cached: keep the newer event count.
                if (stale.Value.Version >= overlay.Version) return result;
                _recency.Remove(stale);
                _index.Remove(key);
            }

            _index[key] = _recency.AddFirst(new Entry(key, overlay.Version, result));
            while (_index.Count > Capacity)
            {
                LinkedListNode<Entry> oldest = _recency.Last!;
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }
        }

        return result;
    }

    /// <summary>Whether (graph, user) is cached, without touching its recency; for tests.</summary>
    public bool IsCached(SocialGraph graph, int user)
    {
        lock (_lock) return _index.ContainsKey((GraphGenerations.Of(graph), user));
    }

    private void EndFlight((long Generation, int User) key, Flight flight)
    {
        if (_inFlight.TryGetValue(key, out var current) && ReferenceEquals(current, flight)) _inFlight.Remove(key);
    }

    private OnlineUserVector? Compute(SocialGraph graph, int user, UserOverlay overlay)
    {
        Interlocked.Increment(ref _computed);
        using (GraphAttnActivities.Source.StartActivity(GraphAttnActivities.OnlineEmbedding))
        {
            return _embedder.Embed(graph, user, overlay);
        }
    }

    private sealed record Entry((long Generation, int User) Key, long Version, OnlineUserVector? Result);

    // One model call for a (generation, user) at an event count, shared by the requests that wait for it.
    private sealed record Flight(long Version, Lazy<OnlineUserVector?> Result);
}
