using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// A query vector for a user the snapshot lacks (joined after the last re-embed): the mean of the embeddings of the
/// contents they interacted with (weighted by interaction weight) and of the users they follow, each part counted
/// once. A neighbour average, not the model's inductive forward pass; it lets such a user get embedding-based
/// results at once, and baselines remain for users with no neighbours at all.
/// </summary>
public static class ColdStartVector
{
    /// <summary>
    /// The vector for graph user <paramref name="user"/>, or null when none of their history or followees has an
    /// embedding. <paramref name="extraContent"/> adds live interactions not yet in the graph (graph content indices).
    /// </summary>
    public static float[]? For(SocialGraph graph, EmbeddingSnapshot snapshot, SnapshotAlignment alignment, int user, IEnumerable<int>? extraContent = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(alignment);
        int dims = snapshot.Dimensions;
        var history = new float[dims];
        float historyWeight = 0;
        ReadOnlySpan<int> contents = graph.Interactions.ContentOf(user);
        ReadOnlySpan<float> weights = graph.Interactions.Weights.AsSpan(graph.Interactions.Range(user));
        for (int i = 0; i < contents.Length; i++)
        {
            historyWeight += Accumulate(history, snapshot.ContentVectors, alignment.ContentRow[contents[i]], weights[i]);
        }

        foreach (int content in extraContent ?? [])
        {
            if ((uint)content < (uint)alignment.ContentRow.Length)
            {
                historyWeight += Accumulate(history, snapshot.ContentVectors, alignment.ContentRow[content], 1f);
            }
        }

        var social = new float[dims];
        float socialWeight = 0;
        foreach (int followee in graph.Following.Neighbors(user))
        {
            socialWeight += Accumulate(social, snapshot.UserVectors, alignment.UserRow[followee], 1f);
        }

        if (historyWeight <= 0 && socialWeight <= 0)
        {
            return null;
        }

        int parts = (historyWeight > 0 ? 1 : 0) + (socialWeight > 0 ? 1 : 0);
        var vector = new float[dims];
        for (int d = 0; d < dims; d++)
        {
            vector[d] = ((historyWeight > 0 ? history[d] / historyWeight : 0) + (socialWeight > 0 ? social[d] / socialWeight : 0)) / parts;
        }

        return vector;
    }

    private static float Accumulate(float[] sum, EmbeddingMatrix matrix, int row, float weight)
    {
        if (row < 0 || weight <= 0)
        {
            return 0;
        }

        ReadOnlySpan<float> v = matrix.Row(row);
        for (int d = 0; d < sum.Length; d++)
        {
            sum[d] += weight * v[d];
        }

        return weight;
    }
}
