using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// A vector for content the snapshot lacks (created after the last re-embedding), inductive from what the graph knows
/// of it: the mean snapshot vector of the contents sharing its topics, of the contents its author posted, and of the
/// recent history of the users who interacted with it first, each part averaged, then the parts. It lives in the
/// content vectors' space, so users whose vectors favour those neighbours score it high. Null when no part has a
/// vector (no topic, author or interaction the snapshot knows): such content waits for the re-embedding.
/// </summary>
public static class FreshContentVector
{
    /// <summary>Neighbours read per part at most, so a popular topic costs no more than a rare one.</summary>
    public const int PerPart = 256;

    private const int HistoryPerUser = 10;

    /// <summary>The vector of graph content <paramref name="content"/>, or null.</summary>
    public static float[]? For(SocialGraph graph, EmbeddingSnapshot snapshot, SnapshotAlignment alignment, int content)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(alignment);
        int dims = snapshot.Dimensions;
        var parts = new List<float[]>(3);

        var topic = new Mean(dims);
        foreach (int t in graph.ContentTopics.Neighbors(content))
        {
            foreach (int other in graph.TopicContents.Neighbors(t))
            {
                if (topic.Count >= PerPart) break;
                if (other != content) topic.Add(snapshot, alignment, other);
            }
        }

        parts.AddIfAny(topic);

        var author = new Mean(dims);
        if (graph.ContentAuthor[content] is var user and >= 0)
        {
            for (int other = 0; other < graph.ContentCount && author.Count < PerPart; other++)
            {
                if (other != content && graph.ContentAuthor[other] == user) author.Add(snapshot, alignment, other);
            }
        }

        parts.AddIfAny(author);

        var history = new Mean(dims);
        foreach (int u in graph.ContentUsers.Neighbors(content))
        {
            ReadOnlySpan<int> items = graph.Interactions.ContentOf(u);
            foreach (int other in items[Math.Max(0, items.Length - HistoryPerUser)..])
            {
                if (history.Count >= PerPart) break;
                if (other != content) history.Add(snapshot, alignment, other);
            }
        }

        parts.AddIfAny(history);
        if (parts.Count == 0)
        {
            return null;
        }

        var vector = new float[dims];
        foreach (float[] part in parts)
        {
            for (int d = 0; d < dims; d++) vector[d] += part[d] / parts.Count;
        }

        return vector;
    }

    private static void AddIfAny(this List<float[]> parts, Mean mean)
    {
        if (mean.Count > 0) parts.Add(mean.Value());
    }

    private sealed class Mean(int dims)
    {
        private readonly float[] _sum = new float[dims];

        public int Count { get; private set; }

        public void Add(EmbeddingSnapshot snapshot, SnapshotAlignment alignment, int content)
        {
            int row = alignment.ContentRow[content];
            if (row < 0) return;
            ReadOnlySpan<float> v = snapshot.ContentVectors.Row(row);
            for (int d = 0; d < _sum.Length; d++) _sum[d] += v[d];
            Count++;
        }

        public float[] Value() => [.. _sum.Select(s => s / Count)];
    }
}
