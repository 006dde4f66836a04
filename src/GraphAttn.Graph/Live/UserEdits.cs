namespace GraphAttn.Graph.Live;

/// <summary>
/// One user's edits in one overlay layer. Immutable: a new event replaces the whole record (copy on write, the
/// record holds only what arrived since the last compaction), so a request reads it without a lock or a copy.
/// </summary>
public sealed class UserEdits
{
    private UserEdits(OverlayInteraction[] interactions, int[] seen, FollowEdit[] follows, long version)
    {
        Interactions = interactions;
        Seen = seen;
        Follows = follows;
        Version = version;
    }

    /// <summary>No edits.</summary>
    public static UserEdits Empty { get; } = new([], [], [], 0);

    /// <summary>Interactions in the order they were applied.</summary>
    public OverlayInteraction[] Interactions { get; }

    /// <summary>Distinct content indices of <see cref="Interactions"/>, ascending.</summary>
    public int[] Seen { get; }

    /// <summary>The latest edit per followee, ascending by <see cref="FollowEdit.Target"/>.</summary>
    public FollowEdit[] Follows { get; }

    /// <summary>Applier sequence number of the last event in this record.</summary>
    public long Version { get; }

    /// <summary>Whether the user interacted with <paramref name="content"/> in this layer.</summary>
    public bool HasSeen(int content) => Array.BinarySearch(Seen, content) >= 0;

    /// <summary>The edit of the pair (user, <paramref name="target"/>) in this layer, if any.</summary>
    public bool TryGetFollow(int target, out FollowEdit edit)
    {
        int at = FindFollow(target);
        edit = at >= 0 ? Follows[at] : default;
        return at >= 0;
    }

    /// <summary>This record plus an interaction.</summary>
    public UserEdits With(OverlayInteraction interaction, long version)
    {
        OverlayInteraction[] interactions = [.. Interactions, interaction];
        int at = Array.BinarySearch(Seen, interaction.Content);
        int[] seen = at >= 0 ? Seen : Insert(Seen, ~at, interaction.Content);
        return new UserEdits(interactions, seen, Follows, version);
    }

    /// <summary>This record with <paramref name="edit"/> replacing any earlier edit of the same pair.</summary>
    public UserEdits With(FollowEdit edit, long version)
    {
        int at = FindFollow(edit.Target);
        FollowEdit[] follows;
        if (at >= 0)
        {
            follows = (FollowEdit[])Follows.Clone();
            follows[at] = edit;
        }
        else
        {
            follows = Insert(Follows, ~at, edit);
        }

        return new UserEdits(Interactions, Seen, follows, version);
    }

    /// <summary>Approximate managed bytes this record holds (for the overlay's size and the flood benchmark).</summary>
    public long ApproximateBytes => 64 + (Interactions.Length * 24L) + (Seen.Length * 4L) + (Follows.Length * 24L);

    private int FindFollow(int target)
    {
        int lo = 0, hi = Follows.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int t = Follows[mid].Target;
            if (t == target)
            {
                return mid;
            }

            if (t < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private static T[] Insert<T>(T[] items, int at, T item)
    {
        var result = new T[items.Length + 1];
        Array.Copy(items, result, at);
        result[at] = item;
        Array.Copy(items, at, result, at + 1, items.Length - at);
        return result;
    }
}
