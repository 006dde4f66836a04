namespace GraphAttn.Graph;

/// <summary>
/// Every user's interactions, grouped by user and ordered by timestamp (ties keep input order), as parallel arrays.
/// User <c>u</c>'s history is the index range <see cref="Range"/>; the last entries are the most recent.
/// </summary>
public sealed class InteractionLog
{
    /// <summary>Row starts per user, length <c>UserCount + 1</c>.</summary>
    public int[] Offsets { get; }
    /// <summary>Content index of each interaction.</summary>
    public int[] Content { get; }
    /// <summary>Epoch milliseconds of each interaction.</summary>
    public long[] Timestamps { get; }
    /// <summary>Kind of each interaction.</summary>
    public InteractionKind[] Kinds { get; }
    /// <summary>Weight of each interaction (e.g. play count, or a kind-derived strength).</summary>
    public float[] Weights { get; }

    internal InteractionLog(int[] offsets, int[] content, long[] timestamps, InteractionKind[] kinds, float[] weights)
    {
        Offsets = offsets;
        Content = content;
        Timestamps = timestamps;
        Kinds = kinds;
        Weights = weights;
    }

    /// <summary>Number of users (rows).</summary>
    public int UserCount => Offsets.Length - 1;

    /// <summary>Total number of interactions.</summary>
    public int Count => Content.Length;

    /// <summary>Index range of user <paramref name="user"/>'s interactions, oldest first.</summary>
    public Range Range(int user) => Offsets[user]..Offsets[user + 1];

    /// <summary>Number of interactions of <paramref name="user"/>.</summary>
    public int CountOf(int user) => Offsets[user + 1] - Offsets[user];

    /// <summary>Content indices of <paramref name="user"/>'s history, oldest first.</summary>
    public ReadOnlySpan<int> ContentOf(int user) => Content.AsSpan(Range(user));

    /// <summary>Timestamps of <paramref name="user"/>'s history, ascending.</summary>
    public ReadOnlySpan<long> TimestampsOf(int user) => Timestamps.AsSpan(Range(user));
}
