namespace GraphAttn.Server.ModelLifecycle;

/// <summary>Log messages of <see cref="OnlineModelReloader"/>.</summary>
internal static partial class OnlineModelLog
{
    [LoggerMessage(EventId = 2100, EventName = "OnlineModelReloaded", Level = LogLevel.Information,
        Message = "Online embeddings now come from model {ModelId} (checkpoint {Folder}), the model of the served snapshot")]
    public static partial void Reloaded(ILogger logger, string modelId, string folder);

    [LoggerMessage(EventId = 2101, EventName = "OnlineModelCheckpointNotFound", Level = LogLevel.Warning,
        Message = "No checkpoint of model {ModelId} (the served snapshot's) was found: users with live events and new users get the snapshot's rows or the baselines")]
    public static partial void CheckpointNotFound(ILogger logger, string modelId);

    [LoggerMessage(EventId = 2102, EventName = "OnlineModelReloadFailed", Level = LogLevel.Error,
        Message = "Loading the checkpoint of model {ModelId} for online embeddings failed")]
    public static partial void ReloadFailed(ILogger logger, string modelId, Exception exception);
}
