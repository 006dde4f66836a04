namespace GraphAttn.Graph.Live;

/// <summary>What a <see cref="GraphEvent"/> records. Stored as one byte in the event log.</summary>
public enum GraphEventKind : byte
{
    /// <summary>A user interacted with a content item.</summary>
    Interaction = 1,

    /// <summary>A user followed another.</summary>
    Follow = 2,

    /// <summary>A user unfollowed another.</summary>
    Unfollow = 3,

    /// <summary>A user was created (or renamed).</summary>
    User = 4,

    /// <summary>A content item was created (or retitled), with its topics and author.</summary>
    Content = 5,
}

/// <summary>
/// One change to the graph, as the event log stores it, Neo4j's change feed delivers it and the overlay applies it.
/// Fields by kind: <see cref="GraphEventKind.Interaction"/> — <see cref="UserId"/> acted on content
/// <see cref="TargetId"/> with <see cref="Interaction"/>; <see cref="GraphEventKind.Follow"/> /
/// <see cref="GraphEventKind.Unfollow"/> — <see cref="UserId"/> (follower) and <see cref="TargetId"/> (followee);
/// <see cref="GraphEventKind.User"/> — <see cref="UserId"/> with display <see cref="Name"/>;
/// <see cref="GraphEventKind.Content"/> — content <see cref="TargetId"/> with title <see cref="Name"/>,
/// <see cref="Topics"/> and author <see cref="UserId"/> (empty when unknown).
/// </summary>
public sealed record GraphEvent
{
    /// <summary>Client-supplied or server-generated id; an id seen before is not applied again.</summary>
    public required string EventId { get; init; }

    /// <summary>What the event records.</summary>
    public required GraphEventKind Kind { get; init; }

    /// <summary>Acting user, follower, created user, or content author (see the type's summary).</summary>
    public string UserId { get; init; } = "";

    /// <summary>Content interacted with, followee, or created content.</summary>
    public string TargetId { get; init; } = "";

    /// <summary>Kind of an interaction.</summary>
    public InteractionKind Interaction { get; init; }

    /// <summary>Weight of an interaction (default 1).</summary>
    public float Weight { get; init; } = 1f;

    /// <summary>When it happened, epoch milliseconds; later wins between a follow and an unfollow of one pair.</summary>
    public long TimestampMs { get; init; }

    /// <summary>User name or content title.</summary>
    public string Name { get; init; } = "";

    /// <summary>Topic ids of created content; unknown topics are created with <see cref="TopicNames"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Names of <see cref="Topics"/>, same order; empty to name new topics by their ids.</summary>
    public IReadOnlyList<string> TopicNames { get; init; } = [];

    /// <summary>Position in the log file that holds it (0 when it came from elsewhere).</summary>
    public long Sequence { get; init; }

    /// <summary>Whether the event creates or renames a node (users, contents) rather than an edge.</summary>
    public bool IsNode => Kind is GraphEventKind.User or GraphEventKind.Content;
}
