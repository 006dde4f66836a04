using GraphAttn.Contracts.V1;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Graph;
using GraphAttn.Server.Options;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.ModelAnswers;
using GraphAttn.Serving.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// The model side of the server: the snapshot store (absent when model serving is off), the online embedder of the
/// model that produced the served snapshot (when its checkpoint is loaded), and the lifecycle status.
/// </summary>
public sealed class ModelServing : IAsyncDisposable
{
    private volatile OnlineEmbeddings? _online;
    private volatile IOnlineContentEmbedder? _contentEmbedder;

    /// <summary>Creates the store over the configured folder (not started: <see cref="SnapshotStoreHost"/> starts it).</summary>
    public ModelServing(IOptions<GraphAttnOptions> options, ILogger<SnapshotStore> storeLogger, IHostEnvironment environment,
        ILogger<OnlineModelReloader>? reloaderLogger = null)
    {
        var model = options.Value.Model;
        model.Validate();
        SnapshotFolder = ResolveFolder(environment.ContentRootPath, model);
        DataPath = Path.GetFullPath(model.DataPath, environment.ContentRootPath);
        Reloader = new OnlineModelReloader(
            model.CheckpointPath.Length > 0 ? Path.GetFullPath(model.CheckpointPath, environment.ContentRootPath) : null,
            DataPath, UseModel, (ILogger?)reloaderLogger ?? NullLogger.Instance);
        if (model.ServesSnapshots)
        {
            Directory.CreateDirectory(SnapshotFolder);
            Store = new SnapshotStore(new SnapshotStoreOptions
            {
                Folder = SnapshotFolder,
                WatchFolder = model.WatchFolder,
                PollInterval = TimeSpan.FromSeconds(Math.Max(1, model.PollSeconds)),
            }, storeLogger);
        }
        else
        {
            Status.Set(ModelPhase.Disabled, "GraphAttn:Model:Mode is off: baselines answer");
        }
    }

    /// <summary>Null when model serving is off.</summary>
    public SnapshotStore? Store { get; }

    /// <summary>Absolute snapshot folder.</summary>
    public string SnapshotFolder { get; }

    /// <summary>Absolute folder for the server's own files.</summary>
    public string DataPath { get; }

    /// <summary>Lifecycle status for GetServiceInfo.</summary>
    public ModelStatusTracker Status { get; } = new();

    /// <summary>Completes when the store's first scan (and index build) has finished, or model serving is off.</summary>
    public Task StoreStarted => _storeStarted.Task;
    private readonly TaskCompletionSource _storeStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signals <see cref="StoreStarted"/>.</summary>
    internal void MarkStoreStarted() => _storeStarted.TrySetResult();

    /// <summary>Brings in the online embedder of a served snapshot's model when it is not the loaded one.</summary>
    public OnlineModelReloader Reloader { get; }

    /// <summary>Online embeddings of the loaded model, if any.</summary>
    public OnlineEmbeddings? Online => _online;

    /// <summary>Installs the online embedder of a loaded checkpoint (used only with snapshots of the same model id).</summary>
    public void UseOnline(OnlineEmbeddings online) => _online = online;

    /// <summary>The loaded model's embedder for content the snapshot lacks, if any.</summary>
    public IOnlineContentEmbedder? ContentEmbedder => _contentEmbedder;

    /// <summary>Installs the content embedder of a loaded checkpoint (used only with snapshots of the same model id).</summary>
    public void UseContentEmbedder(IOnlineContentEmbedder embedder) => _contentEmbedder = embedder;

    /// <summary>Installs a loaded checkpoint's embedder for both new users and new content.</summary>
    public void UseModel(ServingOnlineEmbedder embedder)
    {
        UseOnline(new OnlineEmbeddings(embedder));
        UseContentEmbedder(embedder);
    }

    /// <summary>Whether a model snapshot answers now.</summary>
    public bool IsLive => Store?.Current is not null;

    /// <summary>
    /// A per-request view of the served snapshot over <paramref name="graph"/>; null when baselines answer. When the
    /// loaded online embedder is of another model than the snapshot (or none is loaded), asks
    /// <see cref="Reloader"/> for the snapshot's.
    /// </summary>
    public ModelView? Open(SocialGraph graph)
    {
        if (Store is null) return null;
        var view = ModelView.TryOpen(Store, graph, _online);
        if (view is { HasOnlineModel: false }) Reloader.Request(view.Snapshot.Header.ModelId);
        return view;
    }

    /// <summary>The status message for GetServiceInfo.</summary>
    public ModelStatus Describe()
    {
        var online = _online;
        return Status.Describe(Store, online is not null && Store?.Current?.Header.ModelId == online.ModelId);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
    }

    private static string ResolveFolder(string root, ModelServingOptions model) =>
        Path.GetFullPath(model.SnapshotFolder.Length > 0 ? model.SnapshotFolder : Path.Combine(model.DataPath, "snapshots"), root);
}
