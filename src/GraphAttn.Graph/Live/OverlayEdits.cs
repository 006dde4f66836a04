namespace GraphAttn.Graph.Live;

/// <summary>An interaction held by the overlay until compaction folds it into the graph.</summary>
/// <param name="Content">Content index in the served graph.</param>
/// <param name="Kind">What the user did.</param>
/// <param name="TimestampMs">Epoch milliseconds.</param>
/// <param name="Weight">Interaction weight.</param>
public readonly record struct OverlayInteraction(int Content, InteractionKind Kind, long TimestampMs, float Weight);

/// <summary>
/// The latest follow or unfollow of one pair. Between two edits of a pair the later <see cref="TimestampMs"/> wins,
/// then the larger <see cref="Tie"/> (a hash of the event id), so every replica keeps the same one whatever order the
/// events reached it in.
/// </summary>
/// <param name="Target">Followee index.</param>
/// <param name="Follows">True for a follow, false for an unfollow.</param>
/// <param name="TimestampMs">When it happened, epoch milliseconds.</param>
/// <param name="Tie">Tie-breaker between edits with equal times.</param>
public readonly record struct FollowEdit(int Target, bool Follows, long TimestampMs, ulong Tie)
{
    /// <summary>Whether this edit wins over one made at <paramref name="timestampMs"/> with <paramref name="tie"/>.</summary>
    public bool IsNewerThan(long timestampMs, ulong tie) => TimestampMs > timestampMs || (TimestampMs == timestampMs && Tie > tie);
}
