namespace GraphAttn.Serving.Store;

/// <summary>
/// Removes what a folder of snapshots or checkpoints no longer needs: all but the newest N entries (never the one in
/// use), and temporary files a killed writer left behind (<c>*.tmp</c>, <c>.staging-*</c>, the hidden temporary
/// snapshot files of <see cref="Snapshots.SnapshotWriter"/>). Failures to remove are reported, not thrown: retention
/// must never stop a server.
/// </summary>
public static class FolderRetention
{
    /// <summary>What one pass removed and what it could not.</summary>
    public sealed record Outcome(IReadOnlyList<string> Removed, IReadOnlyList<(string Path, string Problem)> Failed);

    /// <summary>Keeps the newest <paramref name="keep"/> snapshot files of <paramref name="folder"/> and <paramref name="inUse"/>; 0 keeps all.</summary>
    public static Outcome PruneSnapshots(string folder, int keep, string? inUse)
    {
        if (keep <= 0 || !Directory.Exists(folder)) return Empty;
        var candidates = new DirectoryInfo(folder).EnumerateFiles("*" + Snapshots.SnapshotFormat.Extension)
            .Where(f => !f.Name.StartsWith('.'))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .Skip(keep)
            .Where(f => !SamePath(f.FullName, inUse));
        return Remove(candidates);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> sub-folders of <paramref name="parent"/> and <paramref name="inUse"/>; 0 keeps all.</summary>
    public static Outcome PruneFolders(string parent, int keep, string? inUse)
    {
        if (keep <= 0 || !Directory.Exists(parent)) return Empty;
        var candidates = new DirectoryInfo(parent).EnumerateDirectories()
            .Where(d => !IsTemporary(d.Name))
            .OrderByDescending(d => d.LastWriteTimeUtc).ThenByDescending(d => d.Name, StringComparer.Ordinal)
            .Skip(keep)
            .Where(d => !SamePath(d.FullName, inUse));
        return Remove(candidates);
    }

    /// <summary>
    /// Removes temporary entries of <paramref name="folder"/> and of its direct sub-folders untouched for at least
    /// <paramref name="minAge"/> (younger ones may belong to a writer still at work).
    /// </summary>
    public static Outcome RemoveStrays(string folder, TimeSpan minAge, DateTime nowUtc)
    {
        if (!Directory.Exists(folder)) return Empty;
        var root = new DirectoryInfo(folder);
        var entries = root.EnumerateFileSystemInfos()
            .Concat(root.EnumerateDirectories().Where(d => !IsTemporary(d.Name)).SelectMany(d => d.EnumerateFileSystemInfos()))
            .Where(e => IsTemporary(e.Name) && nowUtc - e.LastWriteTimeUtc >= minAge);
        return Remove(entries);
    }

    /// <summary>Whether a name is one of the temporary names the project's atomic writers use.</summary>
    public static bool IsTemporary(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.EndsWith(".tmp", StringComparison.Ordinal) || name.Contains(".staging-", StringComparison.Ordinal)
            || name.StartsWith(".staging-", StringComparison.Ordinal);
    }

    private static readonly Outcome Empty = new([], []);

    private static Outcome Remove(IEnumerable<FileSystemInfo> entries)
    {
        var removed = new List<string>();
        var failed = new List<(string, string)>();
        foreach (var entry in entries.ToList())
        {
            try
            {
                if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
                else entry.Delete();
                removed.Add(entry.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failed.Add((entry.FullName, ex.Message));
            }
        }
        return new Outcome(removed, failed);
    }

    private static bool SamePath(string path, string? other) =>
        other is not null && string.Equals(Path.GetFullPath(path), Path.GetFullPath(other), StringComparison.Ordinal);
}
