using GraphAttn.Graph.Live;

namespace GraphAttn.Graph.Tests.Live;

/// <summary>Short constructors for graph events in tests.</summary>
internal static class LiveEvents
{
    private static int _next;

    public static GraphEvent Saw(string user, string content, long at, InteractionKind kind = InteractionKind.View, string? id = null) =>
        new() { EventId = id ?? NextId(), Kind = GraphEventKind.Interaction, UserId = user, TargetId = content, Interaction = kind, TimestampMs = at };

    public static GraphEvent Follow(string from, string to, long at, string? id = null) =>
        new() { EventId = id ?? NextId(), Kind = GraphEventKind.Follow, UserId = from, TargetId = to, TimestampMs = at };

    public static GraphEvent Unfollow(string from, string to, long at, string? id = null) =>
        new() { EventId = id ?? NextId(), Kind = GraphEventKind.Unfollow, UserId = from, TargetId = to, TimestampMs = at };

    public static GraphEvent User(string id, string name = "") =>
        new() { EventId = NextId(), Kind = GraphEventKind.User, UserId = id, Name = name };

    public static GraphEvent Content(string id, string title, string author = "", params string[] topics) =>
        new() { EventId = NextId(), Kind = GraphEventKind.Content, TargetId = id, Name = title, UserId = author, Topics = topics };

    private static string NextId() => "e" + Interlocked.Increment(ref _next);
}
