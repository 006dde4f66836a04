namespace GraphAttn.Serving.Store;

/// <summary>Identity of a snapshot file on disk: a file replaced in place gets a new time or length.</summary>
/// <param name="Path">Full path.</param>
/// <param name="LastWriteUtc">Modification time.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record SnapshotFileInfo(string Path, DateTime LastWriteUtc, long Length)
{
    /// <summary>Reads the identity of an existing file.</summary>
    public static SnapshotFileInfo Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new SnapshotFileInfo(file.FullName, file.LastWriteTimeUtc, file.Length);
    }

    /// <summary>Identity for a snapshot built in memory (no file), stamped now.</summary>
    public static SnapshotFileInfo InMemory(string name) => new($"memory:{name}", DateTime.UtcNow, 0);

    /// <summary>Whether this file is newer than <paramref name="other"/> (later write time, then later name).</summary>
    public bool IsNewerThan(SnapshotFileInfo? other) =>
        other is null
        || LastWriteUtc > other.LastWriteUtc
        || (LastWriteUtc == other.LastWriteUtc && string.CompareOrdinal(Path, other.Path) > 0)
        || (LastWriteUtc == other.LastWriteUtc && Path == other.Path && Length != other.Length);
}
