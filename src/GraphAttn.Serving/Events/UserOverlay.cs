namespace GraphAttn.Serving.Events;

/// <summary>
/// One user's live events by external id: items seen, users followed and unfollowed since load, and the most recent
/// interactions in order (newest first, at most <see cref="LiveEvents.RecentInteractions"/>) so the model can refresh
/// the user's history view. <see cref="Version"/> grows with every event of this user, so derived results (an online
/// embedding) can be cached until it changes.
/// </summary>
public sealed record UserOverlay(
    IReadOnlySet<string> Seen,
    IReadOnlySet<string> Followed,
    IReadOnlySet<string> Unfollowed)
{
    /// <summary>No events.</summary>
    public static readonly UserOverlay Empty = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <summary>Live interactions, newest first.</summary>
    public IReadOnlyList<LiveInteraction> Recent { get; init; } = [];

    /// <summary>Number of events recorded for this user so far (0 = none).</summary>
    public long Version { get; init; }

    /// <summary>Whether anything was recorded for this user.</summary>
    public bool IsEmpty => Version == 0;
}
