using System.Diagnostics;
using System.Globalization;
using GraphAttn.Contracts.V1;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using GraphAttn.Server.Options;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Store;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// Brings the model in behind the baselines without blocking a request. Mode "train": once the graph is served, use
/// a snapshot of it from the folder if there is one, else load the cached checkpoint for this graph or train one, embed
/// every user and content, write the snapshot into the folder and swap to it. In every mode with a checkpoint (the
/// in-process one, or GraphAttn:Model:CheckpointPath), the model also embeds new users and users with live events at
/// request time. Failures are reported in GetServiceInfo and the log; the baselines keep answering.
/// </summary>
public sealed class ModelLifecycleService(ModelServing models, ServingStateHolder holder, GraphLoader loader,
    IOptions<GraphAttnOptions> options, IModelFiles files, DataRetention retention, BackgroundFailures failures, ILogger<ModelLifecycleService> logger,
    ModelStartGate? gate = null) : BackgroundService
{
    private readonly ModelServingOptions _options = options.Value.Model;

    /// <summary>Completes when the background work has finished (model live, failed, or nothing to do).</summary>
    public Task Settled => _settled.Task;
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (models.Store is null) return;
            // Training is CPU-heavy: let the server start listening and load the graph first.
            await Task.Yield();
            if (_options.TorchThreads > 0) TorchSharp.torch.set_num_threads(_options.TorchThreads);
            if (_options.CheckpointPath.Length > 0) UseCheckpoint(Path.GetFullPath(_options.CheckpointPath));
            if (!_options.Trains) return;
            var graph = await WaitForGraphAsync(stoppingToken);
            await models.StoreStarted.WaitAsync(stoppingToken); // a snapshot already in the folder may fit this graph
            if (gate is not null) await gate.Opened.WaitAsync(stoppingToken);
            await Task.Run(() => Bring(graph, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Whatever went wrong (a corrupt checkpoint, a native TorchSharp error, a bug), the host keeps serving
            // the baselines or the snapshot it has; GetServiceInfo and the log say what failed.
            models.Status.Set(ModelPhase.Failed, ex.Message);
            failures.Report("model", ex.Message);
            logger.ModelFailed(ex);
        }
        finally
        {
            _settled.TrySetResult();
        }
    }

    private async Task Bring(SocialGraph graph, CancellationToken ct)
    {
        var store = models.Store!;
        if (store.Current is { } current && current.Header.GraphFingerprint == graph.Fingerprint && models.Online is not null)
        {
            models.Status.Set(ModelPhase.Live, $"snapshot {current.File.Path} fits the served graph");
            return;
        }
        var folder = InProcessTraining.CheckpointFolder(models.DataPath, graph);
        var (model, metadata, ids) = CachedFits(folder) ? LoadCached(folder) : TrainNew(graph, folder, ct);
        var modelId = ModelIdentity.Of(metadata);
        models.UseModel(new ServingOnlineEmbedder(model, metadata, ids, modelId));
        if (store.Current is { } served && served.Header.ModelId == modelId && served.Header.GraphFingerprint == graph.Fingerprint)
        {
            models.Status.Set(ModelPhase.Live, $"model {modelId} (checkpoint {folder}) answers from {served.File.Path}");
            return;
        }

        models.Status.Set(ModelPhase.Embedding, $"embedding {graph.UserCount:N0} users and {graph.ContentCount:N0} contents");
        var watch = Stopwatch.StartNew();
        var snapshot = SnapshotBuilder.Build(model, metadata, ids, graph, new EmbedOptions(), new SyncProgress<EmbedProgress>(p =>
            models.Status.Set(ModelPhase.Embedding, p.ToString())), ct);
        var path = Path.Combine(models.SnapshotFolder, $"trained-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.gasnap");
        await store.PublishAsync(ServingSnapshot.FromSnapshot(WriteForRestarts(snapshot, path), snapshot, ct: ct), ct);
        retention.PruneSnapshots(path);
        retention.PruneCheckpoints(folder);
        logger.ModelEmbedded(modelId, path, watch.Elapsed.TotalSeconds);
        models.Status.Set(ModelPhase.Live, string.Create(CultureInfo.InvariantCulture,
            $"model {modelId} answers; embedded in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    // The file is for restarts; this process serves the copy it already holds, even when the file cannot be written.
    private SnapshotFileInfo WriteForRestarts(EmbeddingSnapshot snapshot, string path)
    {
        try
        {
            files.WriteSnapshot(snapshot, path);
            failures.Clear("snapshot_write");
            return SnapshotFileInfo.Of(new FileInfo(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.ModelFileNotWritten("the snapshot", path, ex.Message);
            failures.Report("snapshot_write", $"{path}: {ex.Message} (serving the snapshot from memory)");
            return SnapshotFileInfo.InMemory(Path.GetFileName(path));
        }
    }

    // A cached checkpoint is reused only when it is what training would produce now (see InProcessTraining.Mismatch).
    private bool CachedFits(string folder)
    {
        if (!File.Exists(Path.Combine(folder, Checkpoint.MetadataFile))) return false;
        if (InProcessTraining.Mismatch(Checkpoint.ReadMetadata(folder), _options.TrainEpochs) is not { } reason) return true;
        logger.ModelCheckpointStale(folder, reason);
        return false;
    }

    private (SocialRecModel, CheckpointMetadata, CheckpointIds?) LoadCached(string folder)
    {
        models.Status.Set(ModelPhase.Embedding, $"loading cached checkpoint {folder}");
        logger.ModelCheckpointCached(folder);
        var (model, metadata) = Checkpoint.Load(folder);
        return (model, metadata, CheckpointIds.Read(folder));
    }

    private (SocialRecModel, CheckpointMetadata, CheckpointIds?) TrainNew(SocialGraph graph, string folder, CancellationToken ct)
    {
        models.Status.Set(ModelPhase.Training, $"training on {graph.UserCount:N0} users (up to {_options.TrainEpochs} epochs)");
        logger.ModelTraining(graph.ToString(), _options.TrainEpochs);
        var progress = new SyncProgress<TrainProgress>(p => models.Status.Set(ModelPhase.Training, string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{_options.TrainEpochs}, loss {p.ContentLoss:F4}, validation NDCG@20 {p.Validation.GetValueOrDefault("NDCG@20"):F4}")));
        var (model, metadata, ids, notSaved) = InProcessTraining.Train(graph, holder.Current?.Source ?? "graph", _options.TrainEpochs,
            folder, files, progress, ct);
        if (notSaved is null)
        {
            failures.Clear("checkpoint_write");
        }
        else
        {
            logger.ModelFileNotWritten("the checkpoint", folder, notSaved);
            failures.Report("checkpoint_write", $"{folder}: {notSaved} (serving the trained model from memory)");
        }
        return (model, metadata, ids);
    }

    // A checkpoint named in configuration: its model embeds new users and live events for snapshots of the same model.
    private void UseCheckpoint(string folder)
    {
        var (model, metadata) = Checkpoint.Load(folder);
        var modelId = ModelIdentity.Of(metadata);
        var ids = CheckpointIds.Read(folder);
        models.UseModel(new ServingOnlineEmbedder(model, metadata, ids, modelId));
        logger.ModelCheckpointCached(folder);
    }

    private async Task<SocialGraph> WaitForGraphAsync(CancellationToken ct)
    {
        models.Status.Set(ModelPhase.Waiting, "waiting for the graph");
        await loader.FirstLoad.WaitAsync(ct);
        while (holder.Current is null) await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        return holder.Current.Graph;
    }
}
