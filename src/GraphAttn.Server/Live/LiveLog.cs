namespace GraphAttn.Server.Live;

/// <summary>Source-generated log messages of the living graph (event ids 3000-3099).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 3000, EventName = "EventStoreOpened", Level = LogLevel.Information, Message = "Events are made durable in {Store}")]
    public static partial void EventStoreOpened(this ILogger logger, string store);

    [LoggerMessage(EventId = 3001, EventName = "EventLogTailCut", Level = LogLevel.Warning, Message = "Event log {File}: {Problem}; the records before it are replayed")]
    public static partial void EventLogTailCut(this ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 3002, EventName = "Replayed", Level = LogLevel.Information, Message = "Replayed {Events} events on top of the loaded graph ({Unknown} name nodes it lacks)")]
    public static partial void Replayed(this ILogger logger, int events, int unknown);

    [LoggerMessage(EventId = 3003, EventName = "SyncFailed", Level = LogLevel.Warning, Message = "Sync from {Store} failed; the next one retries")]
    public static partial void SyncFailed(this ILogger logger, string store, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "EventsDropped", Level = LogLevel.Warning, Message = "Dropped {Count} synced events naming users or content still unknown after {Seconds} s, e.g. {Example}")]
    public static partial void EventsDropped(this ILogger logger, int count, double seconds, string example);

    [LoggerMessage(EventId = 3005, EventName = "Spooling", Level = LogLevel.Warning, Message = "Neo4j is unreachable: events are spooled to {Spool} and forwarded when it returns")]
    public static partial void Spooling(this ILogger logger, string spool, Exception exception);

    [LoggerMessage(EventId = 3007, EventName = "FreshContent", Level = LogLevel.Information, Message = "Added {Count} fresh content vectors to snapshot {ModelId}'s index")]
    public static partial void FreshContent(this ILogger logger, int count, string modelId);

    [LoggerMessage(EventId = 3006, EventName = "SpoolForwarded", Level = LogLevel.Information, Message = "Forwarded {Events} spooled events to Neo4j; writing directly again")]
    public static partial void SpoolForwarded(this ILogger logger, int events);
}
