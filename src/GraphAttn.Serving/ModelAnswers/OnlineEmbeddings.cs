using System.Collections.Concurrent;
using GraphAttn.Graph;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// Online embeddings with a per-user cache: a result is reused until the user records another event or the graph is
/// reloaded, so repeated requests pay for the model once. Bounded: past <see cref="Capacity"/> users the cache starts
/// over (a miss only costs one model call).
/// </summary>
public sealed class OnlineEmbeddings(IOnlineUserEmbedder embedder)
{
    /// <summary>Users cached before the cache is cleared.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>The model these embeddings come from.</summary>
    public string ModelId => embedder.ModelId;

    /// <summary>Model calls made (cache misses); for tests and metrics.</summary>
    public long Computed => Interlocked.Read(ref _computed);
    private long _computed;

    /// <summary>The user's online embedding over <paramref name="graph"/> plus <paramref name="overlay"/>; null when they have nothing.</summary>
    public OnlineUserVector? Get(SocialGraph graph, int user, UserOverlay overlay)
    {
        string id = graph.Users[user];
        if (_cache.TryGetValue(id, out Entry? hit) && ReferenceEquals(hit.Graph, graph) && hit.Version == overlay.Version)
        {
            GraphAttnMetrics.OnlineEmbeddingLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));
            return hit.Result;
        }

        GraphAttnMetrics.OnlineEmbeddingLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        Interlocked.Increment(ref _computed);
        OnlineUserVector? result;
        using (GraphAttnActivities.Source.StartActivity(GraphAttnActivities.OnlineEmbedding))
        {
            result = embedder.Embed(graph, user, overlay);
        }

        if (_cache.Count >= Capacity)
        {
            _cache.Clear();
        }

        _cache[id] = new Entry(graph, overlay.Version, result);
        return result;
    }

    private sealed record Entry(SocialGraph Graph, long Version, OnlineUserVector? Result);
}
