using GraphAttn.Graph;
using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Full-ranking content scores from a snapshot: score(u, c) = user vector . content vector, in graph index space.
/// Content without an embedding scores -infinity (never ranked above embedded items); a user without an embedding
/// gets all zeros, so callers should check <see cref="HasUser"/> and fall back to a baseline.
/// </summary>
public sealed class EmbeddingContentScorer(EmbeddingSnapshot snapshot, SnapshotAlignment alignment) : IContentScorer
{
    /// <inheritdoc />
    public string Name => "gat-embedding";

    /// <summary>Whether graph user <paramref name="user"/> has an embedding in the snapshot.</summary>
    public bool HasUser(int user) => (uint)user < (uint)alignment.UserRow.Length && alignment.UserRow[user] >= 0;

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        if (scores.Length != alignment.ContentRow.Length)
        {
            throw new ArgumentException($"Scores span has {scores.Length} slots for {alignment.ContentRow.Length} contents.", nameof(scores));
        }

        if (!HasUser(user))
        {
            scores.Clear();
            return;
        }

        ReadOnlySpan<float> u = snapshot.UserVectors.Row(alignment.UserRow[user]);
        for (int c = 0; c < scores.Length; c++)
        {
            int row = alignment.ContentRow[c];
            scores[c] = row < 0 ? float.NegativeInfinity : VectorMath.Dot(u, snapshot.ContentVectors.Row(row));
        }
    }
}
