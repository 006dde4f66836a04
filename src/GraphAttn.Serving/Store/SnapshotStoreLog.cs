using Microsoft.Extensions.Logging;

namespace GraphAttn.Serving.Store;

/// <summary>Source-generated log messages of <see cref="SnapshotStore"/>.</summary>
internal static partial class SnapshotStoreLog
{
    [LoggerMessage(EventId = 4001, EventName = "SnapshotSwapped", Level = LogLevel.Information,
        Message = "Serving snapshot {Path} (model {ModelId}, graph {Fingerprint}, {Users} users, {Contents} contents, content index {IndexKind}) loaded in {ElapsedMs} ms")]
    public static partial void Swapped(ILogger logger, string path, string modelId, string fingerprint, int users, int contents, string indexKind, long elapsedMs);

    [LoggerMessage(EventId = 4002, EventName = "SnapshotRejected", Level = LogLevel.Warning,
        Message = "Ignoring snapshot {Path}; the current snapshot keeps serving: {Problem}")]
    public static partial void Rejected(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 4003, EventName = "NoSnapshot", Level = LogLevel.Information,
        Message = "No valid snapshot in {Folder} yet; the baselines answer until one arrives")]
    public static partial void NoSnapshot(ILogger logger, string folder);

    [LoggerMessage(EventId = 4004, EventName = "BackgroundReloadFailed", Level = LogLevel.Error,
        Message = "Background snapshot reload failed")]
    public static partial void BackgroundReloadFailed(ILogger logger, Exception exception);
}
