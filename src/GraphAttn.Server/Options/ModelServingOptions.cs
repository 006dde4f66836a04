namespace GraphAttn.Server.Options;

/// <summary>Configuration section "GraphAttn:Model": where snapshots come from and whether the server trains one itself.</summary>
public sealed class ModelServingOptions
{
    /// <summary>
    /// "train" (default): serve snapshots from <see cref="SnapshotFolder"/>, and when none fits the loaded graph,
    /// load a cached checkpoint for it or train one in this process in the background, embed, and hot-swap from
    /// baselines to the model ("embedded", its former name, is still accepted). "snapshots": serve only snapshots
    /// written by the batch job (`graphattn embed`). "off": baselines only.
    /// </summary>
    public string Mode { get; set; } = "train";

    /// <summary>Folder for the server's own files (snapshots, cached checkpoints); relative to the binaries. Default "data".</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Folder of *.gasnap snapshots to serve and watch; empty means DataPath/snapshots.</summary>
    public string SnapshotFolder { get; set; } = "";

    /// <summary>
    /// A checkpoint folder for online embeddings (new users, live events) when snapshots come from the batch job; its
    /// model id must match the snapshot's. Empty: the checkpoint the server trained or loaded itself (mode "train"), if any.
    /// </summary>
    public string CheckpointPath { get; set; } = "";

    /// <summary>Whether a file watcher picks up new snapshots at once (off on file systems without change events). Default true.</summary>
    public bool WatchFolder { get; set; } = true;

    /// <summary>Seconds between folder polls (the file watcher reacts sooner). Default 30.</summary>
    public double PollSeconds { get; set; } = 30;

    /// <summary>Epoch limit when the server trains (mode "train") (early stopping usually ends sooner). Default 30.</summary>
    public int TrainEpochs { get; set; } = 30;

    /// <summary>
    /// TorchSharp intra-op threads (default 1). A request-time embedding is about a hundred tiny tensor operations:
    /// with more threads OpenMP's spin-waits compete with the request threads, and each call is many times slower
    /// (tests/GraphAttn.Embedding.Benchmarks/README.md).
    /// </summary>
    public int TorchThreads { get; set; } = 1;

    /// <summary>Whether the server may train (mode "train").</summary>
    public bool Trains => string.Equals(Mode, "train", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Mode, "embedded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether snapshots are served at all.</summary>
    public bool ServesSnapshots => !string.Equals(Mode, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the mode name.</summary>
    public void Validate()
    {
        if (!Trains && ServesSnapshots && !string.Equals(Mode, "snapshots", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"GraphAttn:Model:Mode must be train, snapshots or off, not '{Mode}'");
    }
}
