using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// What one user's embedding attended to, in graph index space, strongest first: followees (follow-GAT attention) and
/// history items (history pooling weight). Read from a snapshot, or produced by an online embedding.
/// </summary>
public sealed record UserAttention(IReadOnlyList<(int User, float Weight)> Friends, IReadOnlyList<(int Content, float Weight)> History)
{
    /// <summary>Nothing attended.</summary>
    public static readonly UserAttention None = new([], []);

    /// <summary>The stored attention of snapshot row <paramref name="userRow"/>; entries the graph no longer has are dropped.</summary>
    public static UserAttention FromSnapshot(EmbeddingSnapshot snapshot, SnapshotAlignment alignment, int userRow)
    {
        var friends = new List<(int, float)>();
        AttentionTable table = snapshot.FriendAttention;
        for (int i = table.Offsets[userRow]; i < table.Offsets[userRow + 1]; i++)
            if (alignment.RowUser[table.Targets[i]] is var user and >= 0) friends.Add((user, table.Weights[i]));
        var history = new List<(int, float)>();
        table = snapshot.HistoryAttention;
        for (int i = table.Offsets[userRow]; i < table.Offsets[userRow + 1]; i++)
            if (alignment.RowContent[table.Targets[i]] is var content and >= 0) history.Add((content, table.Weights[i]));
        return new UserAttention(friends, history);
    }
}
