using System.Buffers.Binary;

namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Reads and fully validates an embedding snapshot: magic, version, declared length against the real length, every
/// count against the bytes that remain, UTF-8 ids, the XxHash64 over all content, and the consistency of the parts.
/// Any failure is a <see cref="SnapshotFormatException"/> naming the file and the problem.
/// </summary>
public static class SnapshotReader
{
    private const int BufferSize = 1 << 20;

    /// <summary>Reads the snapshot at <paramref name="path"/>.</summary>
    /// <exception cref="SnapshotFormatException">The file is truncated, corrupted or of an unsupported version.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static EmbeddingSnapshot Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads a snapshot from a seekable-length stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SnapshotFormatException">The bytes are truncated, corrupted or of an unsupported version.</exception>
    public static EmbeddingSnapshot Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SnapshotWriter.EnsureLittleEndian();
        long actualLength = stream.Length - stream.Position;
        Span<byte> prefix = stackalloc byte[24];
        if (actualLength < SnapshotFormat.FixedHeaderLength + SnapshotFormat.TrailerLength)
        {
            throw new SnapshotFormatException(source, $"file has {actualLength} bytes, fewer than the smallest possible snapshot (truncated)");
        }

        stream.ReadExactly(prefix);
        if (!prefix[..8].SequenceEqual(SnapshotFormat.StartMagic))
        {
            throw new SnapshotFormatException(source, "does not start with the snapshot magic 'GASNAP\\r\\n' (not a snapshot, or corrupted)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(prefix[8..]);
        if (version < SnapshotFormat.OldestReadableVersion || version > SnapshotFormat.Version)
        {
            throw new SnapshotFormatException(source,
                $"format version {version} is not supported (this build reads versions {SnapshotFormat.OldestReadableVersion} to {SnapshotFormat.Version})");
        }

        long declaredLength = BinaryPrimitives.ReadInt64LittleEndian(prefix[16..]);
        if (declaredLength != actualLength)
        {
            string kind = actualLength < declaredLength ? "truncated" : "corrupted or has trailing bytes";
            throw new SnapshotFormatException(source, $"header declares {declaredLength} bytes but the file has {actualLength} ({kind})");
        }

        var reader = new ChecksumReader(stream, source, declaredLength);
        reader.Consumed(prefix);
        if (BinaryPrimitives.ReadInt32LittleEndian(prefix[12..]) != 0)
        {
            throw reader.Error("reserved header flags are not zero (corrupted)");
        }

        return ReadBody(reader, source, version);
    }

    private static EmbeddingSnapshot ReadBody(ChecksumReader r, string source, int version)
    {
        long createdMs = r.ReadInt64("creation time");
        int dims = r.ReadInt32("dimensions");
        int users = r.ReadInt32("user count");
        int contents = r.ReadInt32("content count");
        int friendEntries = r.ReadInt32("friend attention count");
        int historyEntries = r.ReadInt32("history attention count");
        if (dims <= 0 || users < 0 || contents < 0 || friendEntries < 0 || historyEntries < 0)
        {
            throw r.Error($"header has dimensions {dims}, users {users}, contents {contents}, attention {friendEntries}/{historyEntries}: none may be negative and dimensions must be positive (corrupted)");
        }

        if (createdMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || createdMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw r.Error($"creation time {createdMs} ms is out of range (corrupted)");
        }

        float structureWeight = version >= SnapshotFormat.FriendStructureWeightVersion ? r.ReadSingle("friend structure weight") : 0f;
        if (SnapshotHeader.ProblemWith(structureWeight) is { } weightProblem)
        {
            throw r.Error($"friend structure weight {weightProblem} (corrupted)");
        }

        float filterWeight = version >= SnapshotFormat.ContentFilterWeightVersion ? r.ReadSingle("content filter weight") : 0f;
        if (SnapshotHeader.ProblemWith(filterWeight) is { } filterProblem)
        {
            throw r.Error($"content filter weight {filterProblem} (corrupted)");
        }

        string modelId = r.ReadString("model id");
        string fingerprint = r.ReadString("graph fingerprint");
        string[] userIds = ReadIds(r, users, "user id");
        string[] contentIds = ReadIds(r, contents, "content id");
        float[] userData = r.ReadFloats((long)users * dims, "user matrix");
        float[] contentData = r.ReadFloats((long)contents * dims, "content matrix");
        float[]? friendData = version >= 2 ? r.ReadFloats((long)users * dims, "friend matrix") : null;
        AttentionTable friends = ReadAttention(r, users, friendEntries, "friend attention");
        AttentionTable history = ReadAttention(r, users, historyEntries, "history attention");
        r.VerifyTrailer();
        try
        {
            var header = new SnapshotHeader(modelId, fingerprint, DateTimeOffset.FromUnixTimeMilliseconds(createdMs))
            {
                FormatVersion = version,
                FriendStructureWeight = structureWeight,
                ContentFilterWeight = filterWeight,
            };
            return new EmbeddingSnapshot(
                header, userIds, contentIds,
                new EmbeddingMatrix(userData, users, dims), new EmbeddingMatrix(contentData, contents, dims),
                friends, history, friendData is null ? null : new EmbeddingMatrix(friendData, users, dims));
        }
        catch (ArgumentException e)
        {
            throw new SnapshotFormatException(source, $"checksum is valid but the content is inconsistent: {e.Message}");
        }
    }

    private static string[] ReadIds(ChecksumReader r, int count, string what)
    {
        // Each id takes at least its 4-byte length, so a corrupt count fails here instead of allocating.
        if (count * 4L > r.Remaining)
        {
            throw r.Error($"{count} {what}s cannot fit in the {r.Remaining} bytes that remain (corrupted)");
        }

        var ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = r.ReadString(what);
        }

        return ids;
    }

    private static AttentionTable ReadAttention(ChecksumReader r, int users, int entries, string what)
    {
        int[] offsets = r.ReadInts(users + 1L, what + " offsets");
        int[] targets = r.ReadInts(entries, what + " targets");
        float[] weights = r.ReadFloats(entries, what + " weights");
        string? problem = AttentionTable.Validate(offsets, targets.Length, weights.Length);
        if (problem is not null)
        {
            throw r.Error($"{what}: {problem} (corrupted)");
        }

        return new AttentionTable(offsets, targets, weights);
    }
}
