using GraphAttn.Serving.Retrieval;

namespace GraphAttn.Serving.Store;

/// <summary>Where <see cref="SnapshotStore"/> looks for snapshots and how it notices new ones.</summary>
public sealed record SnapshotStoreOptions
{
    /// <summary>Folder holding <c>*.gasnap</c> files. Required.</summary>
    public required string Folder { get; init; }

    /// <summary>Watch the folder with a FileSystemWatcher. Default true.</summary>
    public bool WatchFolder { get; init; } = true;

    /// <summary>
    /// Also rescan the folder this often, for file systems where watching is unreliable (network mounts, some
    /// container volumes). Default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> disables polling.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Index choice and parameters for loaded snapshots.</summary>
    public RetrievalOptions Retrieval { get; init; } = new();
}
