using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Full-ranking follow-candidate scores from a snapshot, in graph index space: score(u, v) = friend_u · friend_v, plus
/// β · AA(u, v) over <c>friends</c> when the snapshot's <see cref="SnapshotHeader.FriendStructureWeight"/> β is above 0
/// (the model's friend score; the same values the live API's top-k computes). Users without an embedding score
/// -infinity as candidates; a querying user without one gets all zeros.
/// </summary>
public sealed class EmbeddingFriendScorer : IFriendScorer
{
    private readonly EmbeddingSnapshot _snapshot;
    private readonly SnapshotAlignment _alignment;
    private readonly FriendStructure? _structure;

    /// <summary>Scores over <paramref name="snapshot"/> aligned to a graph.</summary>
    /// <param name="snapshot">The embeddings.</param>
    /// <param name="alignment">Its alignment with the graph being ranked over.</param>
    /// <param name="friends">That graph's undirected follow graph, for the structural term; needed only when the
    /// snapshot's β is above 0.</param>
    /// <exception cref="ArgumentException">β is above 0 and <paramref name="friends"/> is null, or it has another user count.</exception>
    public EmbeddingFriendScorer(EmbeddingSnapshot snapshot, SnapshotAlignment alignment, Csr? friends = null)
    {
        _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _alignment = alignment ?? throw new ArgumentNullException(nameof(alignment));
        _structure = SnapshotFriendStructure.For(snapshot, friends);
        if (_structure is not null && _structure.Friends.NodeCount != alignment.UserRow.Length)
        {
            throw new ArgumentException(
                $"Friend graph has {_structure.Friends.NodeCount} users but the alignment has {alignment.UserRow.Length}.", nameof(friends));
        }
    }

    /// <inheritdoc />
    public string Name => "gat-embedding";

    /// <summary>Whether graph user <paramref name="user"/> has an embedding in the snapshot.</summary>
    public bool HasUser(int user) => (uint)user < (uint)_alignment.UserRow.Length && _alignment.UserRow[user] >= 0;

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores)
    {
        if (scores.Length != _alignment.UserRow.Length)
        {
            throw new ArgumentException($"Scores span has {scores.Length} slots for {_alignment.UserRow.Length} users.", nameof(scores));
        }

        if (!HasUser(user))
        {
            scores.Clear();
            return;
        }

        EmbeddingMatrix friends = _snapshot.FriendVectors;
        ReadOnlySpan<float> u = friends.Row(_alignment.UserRow[user]);
        for (int v = 0; v < scores.Length; v++)
        {
            int row = _alignment.UserRow[v];
            scores[v] = row < 0 ? float.NegativeInfinity : VectorMath.Dot(u, friends.Row(row));
        }

        _structure?.AddTo(user, scores);
    }
}
