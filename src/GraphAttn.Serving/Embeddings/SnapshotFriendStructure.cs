using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Embeddings;

/// <summary>The friend score's structural term as a snapshot prescribes it.</summary>
public static class SnapshotFriendStructure
{
    /// <summary>
    /// The term for <paramref name="snapshot"/>'s β over <paramref name="friends"/>; null when β is 0 (embeddings only,
    /// and then <paramref name="friends"/> may be null).
    /// </summary>
    /// <exception cref="ArgumentException">β &gt; 0 but no friend graph was given.</exception>
    public static FriendStructure? For(EmbeddingSnapshot snapshot, Csr? friends)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        float weight = snapshot.Header.FriendStructureWeight;
        if (weight == 0f)
        {
            return null;
        }

        return friends is null
            ? throw new ArgumentException(
                $"Snapshot '{snapshot.Header.ModelId}' scores friends with a structural term (β = {weight}), which needs the friend graph.",
                nameof(friends))
            : new FriendStructure(friends, weight);
    }
}
