using GraphAttn.Graph;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Full-ranking follow-candidate scores from a snapshot: score(u, v) = user vector u . user vector v, in graph index
/// space. Users without an embedding score -infinity as candidates; a querying user without one gets all zeros.
/// </summary>
public sealed class EmbeddingFriendScorer(EmbeddingSnapshot snapshot, SnapshotAlignment alignment) : IFriendScorer
{
    /// <inheritdoc />
    public string Name => "gat-embedding";

    /// <summary>Whether graph user <paramref name="user"/> has an embedding in the snapshot.</summary>
    public bool HasUser(int user) => (uint)user < (uint)alignment.UserRow.Length && alignment.UserRow[user] >= 0;

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores)
    {
        if (scores.Length != alignment.UserRow.Length)
        {
            throw new ArgumentException($"Scores span has {scores.Length} slots for {alignment.UserRow.Length} users.", nameof(scores));
        }

        if (!HasUser(user))
        {
            scores.Clear();
            return;
        }

        ReadOnlySpan<float> u = snapshot.FriendVectors.Row(alignment.UserRow[user]);
        for (int v = 0; v < scores.Length; v++)
        {
            int row = alignment.UserRow[v];
            scores[v] = row < 0 ? float.NegativeInfinity : VectorMath.Dot(u, snapshot.FriendVectors.Row(row));
        }
    }
}
