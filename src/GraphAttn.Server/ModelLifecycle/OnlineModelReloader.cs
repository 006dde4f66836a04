using System.Runtime.InteropServices;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Loads the online embedder of the model a newly served snapshot came from. Online vectors are comparable only with
/// their own model's snapshot, so after a swap to a snapshot of another model (a re-trained checkpoint) users with live
/// events and new users would otherwise fall back to the baselines. The checkpoint is looked for where the server knows
/// checkpoints to be: GraphAttn:Model:CheckpointPath (read again, so a checkpoint replaced in place is picked up) and
/// the in-process training's folders under DataPath/checkpoints. Loading runs in the background, one at a time; a model
/// whose checkpoint is not found is looked for again after <see cref="RetryInterval"/>.
/// </summary>
public sealed class OnlineModelReloader(string? checkpointPath, string dataPath, Action<ServingOnlineEmbedder> install, ILogger logger)
{
    /// <summary>Pause before looking again for a model's checkpoint that was not found.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, long> _lastAttempt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedMissing = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;

    /// <summary>The load in progress (or the last one), for tests.</summary>
    public Task Running
    {
        get
        {
            lock (_lock) return _running;
        }
    }

    /// <summary>Starts loading <paramref name="modelId"/>'s checkpoint unless a load runs or it was tried recently. Cheap: called per request.</summary>
    public void Request(string modelId)
    {
        lock (_lock)
        {
            long now = Environment.TickCount64;
            if (!_running.IsCompleted
                || (_lastAttempt.TryGetValue(modelId, out long at) && now - at < (long)RetryInterval.TotalMilliseconds))
            {
                return;
            }

            _lastAttempt[modelId] = now;
            _running = Task.Run(() => Load(modelId));
        }
    }

    private void Load(string modelId)
    {
        try
        {
            if (Find(modelId) is not { } folder)
            {
                bool first;
                lock (_lock) first = _reportedMissing.Add(modelId);
                if (first) OnlineModelLog.CheckpointNotFound(logger, modelId);
                return;
            }

            var (model, metadata) = Checkpoint.Load(folder);
            install(new ServingOnlineEmbedder(model, metadata, CheckpointIds.Read(folder), modelId));
            OnlineModelLog.Reloaded(logger, modelId, folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException
                                      or InvalidOperationException or ExternalException)
        {
            OnlineModelLog.ReloadFailed(logger, modelId, e);
        }
    }

    // The first checkpoint folder whose metadata names this model.
    private string? Find(string modelId)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(checkpointPath)) candidates.Add(checkpointPath);
        string trained = Path.Combine(dataPath, "checkpoints");
        if (Directory.Exists(trained)) candidates.AddRange(Directory.EnumerateDirectories(trained));
        foreach (string folder in candidates)
        {
            if (!File.Exists(Path.Combine(folder, Checkpoint.MetadataFile))) continue;
            try
            {
                if (ModelIdentity.Of(Checkpoint.ReadMetadata(folder)) == modelId) return folder;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                // A checkpoint being written or damaged: not this model's.
            }
        }

        return null;
    }
}
