namespace GraphAttn.Server.Hosting;

/// <summary>Source-generated structured log messages (stable event ids for alerting).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "GraphLoading", Level = LogLevel.Information, Message = "Loading graph from {Source}")]
    public static partial void GraphLoading(this ILogger logger, string source);

    [LoggerMessage(EventId = 1001, EventName = "GraphStageRead", Level = LogLevel.Information, Message = "Read {Stage}: {Rows} rows")]
    public static partial void GraphStageRead(this ILogger logger, string stage, long rows);

    [LoggerMessage(EventId = 1002, EventName = "GraphLoaded", Level = LogLevel.Information, Message = "Serving {Counts} as {ModelVersion} (loaded in {ElapsedMs:F0} ms)")]
    public static partial void GraphLoaded(this ILogger logger, string counts, string modelVersion, double elapsedMs);

    [LoggerMessage(EventId = 1003, EventName = "GraphLoadFailed", Level = LogLevel.Error, Message = "Loading the graph from {Source} failed; health stays NOT_SERVING, next attempt in {RetrySeconds} s")]
    public static partial void GraphLoadFailed(this ILogger logger, string source, double retrySeconds, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "ReloadRejected", Level = LogLevel.Warning, Message = "Reload rejected; the previous state keeps serving: {Problem}")]
    public static partial void ReloadRejected(this ILogger logger, string problem);

    [LoggerMessage(EventId = 1005, EventName = "RequestCancelled", Level = LogLevel.Debug, Message = "{Method} ended early: {Status}")]
    public static partial void RequestCancelled(this ILogger logger, string method, string status);

    [LoggerMessage(EventId = 1006, EventName = "ServingCachedGraph", Level = LogLevel.Warning, Message = "Source unavailable: serving the cached graph read {ReadAt:u} ({Counts}); health reports NOT_SERVING until the source answers")]
    public static partial void ServingCachedGraph(this ILogger logger, DateTimeOffset readAt, string counts);

    [LoggerMessage(EventId = 1007, EventName = "GraphCacheFailed", Level = LogLevel.Warning, Message = "Graph cache in {Folder} could not be used")]
    public static partial void GraphCacheFailed(this ILogger logger, string folder, Exception exception);

    [LoggerMessage(EventId = 2000, EventName = "ModelTraining", Level = LogLevel.Information, Message = "Training the model on {Graph} (up to {Epochs} epochs); baselines answer meanwhile")]
    public static partial void ModelTraining(this ILogger logger, string graph, int epochs);

    [LoggerMessage(EventId = 2001, EventName = "ModelCheckpointLoaded", Level = LogLevel.Information, Message = "Loaded checkpoint {Folder}")]
    public static partial void ModelCheckpointCached(this ILogger logger, string folder);

    [LoggerMessage(EventId = 2004, EventName = "ModelCheckpointStale", Level = LogLevel.Information, Message = "Cached checkpoint {Folder} does not fit this build's in-process training ({Reason}); training again")]
    public static partial void ModelCheckpointStale(this ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 2002, EventName = "ModelEmbedded", Level = LogLevel.Information, Message = "Model {ModelId} embedded into {Path} in {Seconds:F1} s and swapped in")]
    public static partial void ModelEmbedded(this ILogger logger, string modelId, string path, double seconds);

    [LoggerMessage(EventId = 2003, EventName = "ModelFailed", Level = LogLevel.Error, Message = "The model could not be brought in; baselines keep answering")]
    public static partial void ModelFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2005, EventName = "ModelFileNotWritten", Level = LogLevel.Warning, Message = "Could not write {What} to {Path}; the model is served from memory and is trained again after a restart: {Problem}")]
    public static partial void ModelFileNotWritten(this ILogger logger, string what, string path, string problem);

    [LoggerMessage(EventId = 2006, EventName = "SnapshotStoreFailed", Level = LogLevel.Error, Message = "The snapshot store could not start; baselines answer")]
    public static partial void SnapshotStoreFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2007, EventName = "RetentionRemoved", Level = LogLevel.Information, Message = "Retention removed {Path}")]
    public static partial void RetentionRemoved(this ILogger logger, string path);

    [LoggerMessage(EventId = 2008, EventName = "RetentionFailed", Level = LogLevel.Warning, Message = "Retention could not remove {Path}: {Problem}")]
    public static partial void RetentionFailed(this ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 3000, EventName = "MalformedRequest", Level = LogLevel.Debug, Message = "{Method}: request rejected before the handler: {Problem}")]
    public static partial void MalformedRequest(this ILogger logger, string method, string problem);

    [LoggerMessage(EventId = 3001, EventName = "UnhandledError", Level = LogLevel.Error, Message = "{Method} failed with an unexpected error; correlation id {CorrelationId}")]
    public static partial void UnhandledError(this ILogger logger, string method, string correlationId, Exception exception);

    [LoggerMessage(EventId = 3002, EventName = "ReloadSourceUnavailable", Level = LogLevel.Warning, Message = "Reload: the graph source is unavailable; the previous state keeps serving: {Problem}")]
    public static partial void ReloadSourceUnavailable(this ILogger logger, string problem);
}
