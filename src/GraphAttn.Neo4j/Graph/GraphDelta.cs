using GraphAttn.Graph;
using GraphAttn.Graph.Live;

namespace GraphAttn.Neo4j.Graph;

/// <summary>Where the change feed goes on from: per kind, the largest <c>updatedAt</c> read so far (epoch ms).</summary>
/// <param name="Users">Users' watermark.</param>
/// <param name="Contents">Contents' watermark.</param>
/// <param name="Interactions">Interactions' watermark.</param>
/// <param name="Follows">Follows' watermark.</param>
/// <param name="Unfollows">Unfollow tombstones' watermark.</param>
public sealed record ChangeCursor(long Users, long Contents, long Interactions, long Follows, long Unfollows)
{
    /// <summary>Every kind from <paramref name="watermarkMs"/> on (e.g. the database's time before a full load).</summary>
    public static ChangeCursor At(long watermarkMs) => new(watermarkMs, watermarkMs, watermarkMs, watermarkMs, watermarkMs);
}

/// <summary>
/// What was written in Neo4j at or after a <see cref="ChangeCursor"/> (see <see cref="Neo4jGraphSource.LoadChangesAsync"/>):
/// users and contents (created or renamed, contents with their topics and author), interactions, follows, and
/// unfollows through their tombstones, plus the cursor to read on from. Rows read again (the feed overlaps its
/// watermark a little) come back as the same events and are recognised where they are applied.
/// </summary>
public sealed class GraphDelta
{
    /// <summary>Users: id, name, change time.</summary>
    public List<(string Id, string Name, long UpdatedAt)> Users { get; } = [];

    /// <summary>Contents: id, title, change time, topics (id, name), author id or "".</summary>
    public List<(string Id, string Title, long UpdatedAt, (string Id, string Name)[] Topics, string Author)> Contents { get; } = [];

    /// <summary>Interactions: event id, user, content, kind, time, weight.</summary>
    public List<(string EventId, string User, string Content, InteractionKind Kind, long TsMs, float Weight)> Interactions { get; } = [];

    /// <summary>Follows: event id, follower, followee, time of the last follow.</summary>
    public List<(string EventId, string From, string To, long AtMs)> Follows { get; } = [];

    /// <summary>Unfollows (tombstones): event id, follower, followee, time.</summary>
    public List<(string EventId, string From, string To, long AtMs)> Unfollows { get; } = [];

    /// <summary>Where the next read goes on from.</summary>
    public required ChangeCursor Next { get; set; }

    /// <summary>Number of rows read.</summary>
    public int Count => Users.Count + Contents.Count + Interactions.Count + Follows.Count + Unfollows.Count;

    /// <summary>The rows as graph events: nodes first, then interactions, follows and unfollows.</summary>
    public IReadOnlyList<GraphEvent> ToEvents()
    {
        var events = new List<GraphEvent>(Count);
        events.AddRange(Users.Select(u => new GraphEvent
        {
            EventId = $"neo4j:user:{u.Id}:{u.UpdatedAt}",
            Kind = GraphEventKind.User,
            UserId = u.Id,
            Name = u.Name,
            TimestampMs = u.UpdatedAt,
        }));
        events.AddRange(Contents.Select(c => new GraphEvent
        {
            EventId = $"neo4j:content:{c.Id}:{c.UpdatedAt}",
            Kind = GraphEventKind.Content,
            TargetId = c.Id,
            UserId = c.Author,
            Name = c.Title,
            Topics = [.. c.Topics.Select(t => t.Id)],
            TopicNames = [.. c.Topics.Select(t => t.Name)],
            TimestampMs = c.UpdatedAt,
        }));
        events.AddRange(Interactions.Select(x => new GraphEvent
        {
            EventId = x.EventId,
            Kind = GraphEventKind.Interaction,
            UserId = x.User,
            TargetId = x.Content,
            Interaction = x.Kind,
            TimestampMs = x.TsMs,
            Weight = x.Weight,
        }));
        events.AddRange(Follows.Select(f => Edge(GraphEventKind.Follow, f)));
        events.AddRange(Unfollows.Select(f => Edge(GraphEventKind.Unfollow, f)));
        return events;
    }

    private static GraphEvent Edge(GraphEventKind kind, (string EventId, string From, string To, long AtMs) row) => new()
    {
        EventId = row.EventId,
        Kind = kind,
        UserId = row.From,
        TargetId = row.To,
        TimestampMs = row.AtMs,
    };
}
