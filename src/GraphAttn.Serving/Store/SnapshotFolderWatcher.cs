using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Store;

/// <summary>
/// Calls back when a snapshot file appears or is replaced in a folder. The writer renames complete files into
/// place, so "created" and "renamed" are the interesting events; "changed" catches files copied in by other tools.
/// </summary>
internal sealed class SnapshotFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    public SnapshotFolderWatcher(string folder, Action onChange)
    {
        _watcher = new FileSystemWatcher(folder, "*" + SnapshotFormat.Extension)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Created += (_, _) => onChange();
        _watcher.Renamed += (_, _) => onChange();
        _watcher.Changed += (_, _) => onChange();

        // Lost events (buffer overflow) are covered by a full rescan, which is what every event triggers anyway.
        _watcher.Error += (_, _) => onChange();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => _watcher.Dispose();
}
