namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Writes an <see cref="EmbeddingSnapshot"/> atomically: into a hidden temporary file in the destination folder,
/// fsynced, then renamed over the destination (and the folder fsynced). A crash at any point leaves either the old
/// file or the complete new one under the destination name; at worst a stray <c>.*.tmp</c> file remains.
/// </summary>
public static class SnapshotWriter
{
    private const int BufferSize = 1 << 20;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/>, replacing any existing file.</summary>
    /// <returns>The number of bytes written.</returns>
    public static long Write(EmbeddingSnapshot snapshot, string path)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long length;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                length = WriteTo(snapshot, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
            DirectorySync.Flush(directory);
            return length;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes the snapshot bytes to <paramref name="stream"/> (no atomicity; for tests and tools).</summary>
    /// <returns>The number of bytes written.</returns>
    public static long WriteTo(EmbeddingSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        EnsureLittleEndian();
        if ((SnapshotHeader.ProblemWith(snapshot.Header.FriendStructureWeight) ?? SnapshotHeader.ProblemWith(snapshot.Header.ContentFilterWeight)) is { } problem)
        {
            // The header's init check makes this unreachable for ordinary callers; a file must never carry a bad weight.
            throw new ArgumentException($"Snapshot header's score term weight {problem}.", nameof(snapshot));
        }

        long length = ComputeLength(snapshot);
        var w = new ChecksumWriter(stream);
        w.WriteBytes(SnapshotFormat.StartMagic);
        w.WriteInt32(SnapshotFormat.Version);
        w.WriteInt32(0); // flags, reserved
        w.WriteInt64(length);
        w.WriteInt64(snapshot.Header.CreatedAt.ToUnixTimeMilliseconds());
        w.WriteInt32(snapshot.Dimensions);
        w.WriteInt32(snapshot.UserIds.Length);
        w.WriteInt32(snapshot.ContentIds.Length);
        w.WriteInt32(snapshot.FriendAttention.Targets.Length);
        w.WriteInt32(snapshot.HistoryAttention.Targets.Length);
        w.WriteSingle(snapshot.Header.FriendStructureWeight);
        w.WriteSingle(snapshot.Header.ContentFilterWeight);
        w.WriteString(snapshot.Header.ModelId);
        w.WriteString(snapshot.Header.GraphFingerprint);
        foreach (string id in snapshot.UserIds)
        {
            w.WriteString(id);
        }

        foreach (string id in snapshot.ContentIds)
        {
            w.WriteString(id);
        }

        w.WriteFloats(snapshot.UserVectors.Data);
        w.WriteFloats(snapshot.ContentVectors.Data);
        w.WriteFloats(snapshot.FriendVectors.Data);
        WriteAttention(w, snapshot.FriendAttention);
        WriteAttention(w, snapshot.HistoryAttention);
        w.WriteTrailer();
        if (w.Position != length)
        {
            throw new InvalidOperationException($"Snapshot writer produced {w.Position} bytes, expected {length}.");
        }

        return length;
    }

    private static void WriteAttention(ChecksumWriter w, AttentionTable table)
    {
        w.WriteInts(table.Offsets);
        w.WriteInts(table.Targets);
        w.WriteFloats(table.Weights);
    }

    private static long ComputeLength(EmbeddingSnapshot s)
    {
        long length = SnapshotFormat.FixedHeaderLength
            + ChecksumWriter.StringLength(s.Header.ModelId)
            + ChecksumWriter.StringLength(s.Header.GraphFingerprint);
        foreach (string id in s.UserIds)
        {
            length += ChecksumWriter.StringLength(id);
        }

        foreach (string id in s.ContentIds)
        {
            length += ChecksumWriter.StringLength(id);
        }

        length += 4L * (s.UserVectors.Data.Length + s.ContentVectors.Data.Length + s.FriendVectors.Data.Length);
        length += 4L * (2 * (s.UserIds.Length + 1) + 2 * s.FriendAttention.Targets.Length + 2 * s.HistoryAttention.Targets.Length);
        return length + SnapshotFormat.TrailerLength;
    }

    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Embedding snapshots are read and written on little-endian hosts only.");
        }
    }
}
