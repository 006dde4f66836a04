namespace GraphAttn.Serving.Events;

/// <summary>One user's live events by external id: items seen, users followed and unfollowed since load.</summary>
public sealed record UserOverlay(
    IReadOnlySet<string> Seen,
    IReadOnlySet<string> Followed,
    IReadOnlySet<string> Unfollowed)
{
    /// <summary>No events.</summary>
    public static readonly UserOverlay Empty = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}
