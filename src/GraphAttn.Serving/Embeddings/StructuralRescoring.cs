using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Scores follow candidates exactly with the friend score friend_u · friend_v + β · AA(u, v) and keeps the best k:
/// the second stage of <see cref="EmbeddingRetriever.TopFriendsFor(ReadOnlySpan{float}, int, int, IEnumerable{int}, FriendStructure?)"/>.
/// </summary>
internal static class StructuralRescoring
{
    /// <summary>
    /// The best <paramref name="k"/> of <paramref name="candidates"/> (graph user indices), best first, ties to the lower
    /// index. Skips the user, <paramref name="excluded"/> and candidates without a snapshot row (nothing to score).
    /// </summary>
    public static ScoredIndex[] Top(ReadOnlySpan<float> vector, int user, int k, IEnumerable<int> candidates,
        IReadOnlySet<int> excluded, EmbeddingMatrix friendVectors, int[] userRow, FriendStructure structure)
    {
        var best = new TopKHeap(k);
        foreach (int v in candidates)
        {
            if (v == user || excluded.Contains(v) || (uint)v >= (uint)userRow.Length || userRow[v] < 0)
            {
                continue;
            }

            float dot = VectorMath.Dot(vector, friendVectors.Row(userRow[v]));
            best.Add(structure.Score(dot, user, v), v);
        }

        return best.DrainBestFirst();
    }
}
