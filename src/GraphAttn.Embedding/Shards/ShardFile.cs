using System.Runtime.InteropServices;
using System.Text;
using GraphAttn.Embedding.Batching;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Shards;

/// <summary>
/// One shard's rows on disk (<c>.gashard</c>), little-endian: magic "GASHARD3", header (model id, graph fingerprint,
/// shard i and n, batch size, created-at ms, friend structure weight β and content filter weight γ as float32, D, total
/// users and contents, user start and count, content start and count), the shard's user and content ids, user, friend
/// and content matrices, friend and history attention (CSR with whole-graph targets), then XxHash64 of all previous
/// bytes and "GASHRDOK". Written to a temporary file, flushed and renamed, like snapshots. Little-endian hosts only (as
/// snapshots). A "GASHARD2" file (no γ) and a "GASHARD1" file (neither) are still read, the missing weights 0, so a
/// merge may run a newer build than the shard jobs.
/// </summary>
public static class ShardFile
{
    /// <summary>File extension of a shard.</summary>
    public const string Extension = ".gashard";

    private static readonly byte[] Magic = "GASHARD3"u8.ToArray();
    private static readonly byte[] MagicWithoutFilterWeight = "GASHARD2"u8.ToArray();
    private static readonly byte[] MagicWithoutWeight = "GASHARD1"u8.ToArray();
    private static readonly byte[] EndMagic = "GASHRDOK"u8.ToArray();

    /// <summary>Writes a shard atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, ShardHeader header, EmbeddedRows rows)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                var hashing = new HashingStream(file);
                using (var w = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true)) WriteBody(w, header, rows);
                file.Write(BitConverter.GetBytes(hashing.Current));
                file.Write(EndMagic);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads and verifies a shard.</summary>
    /// <exception cref="InvalidDataException">Not a shard, truncated, corrupted (checksum) or inconsistent; names the file.</exception>
    public static (ShardHeader Header, EmbeddedRows Rows) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: shard file not found", path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        if (file.Length < Magic.Length + 16) throw new InvalidDataException($"{path}: {file.Length} bytes is too short for a shard (truncated)");
        var hashing = new HashingStream(file);
        try
        {
            using var r = new BoundedReader(hashing, file.Length - 16, path);
            var result = ReadBody(r, path);
            var expected = hashing.Current;
            Span<byte> trailer = stackalloc byte[16];
            file.ReadExactly(trailer);
            if (BitConverter.ToUInt64(trailer) != expected || !trailer[8..].SequenceEqual(EndMagic))
                throw new InvalidDataException($"{path}: checksum mismatch (corrupted shard)");
            if (file.Position != file.Length) throw new InvalidDataException($"{path}: trailing bytes after the shard (corrupted)");
            return result;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: ends early (truncated shard)");
        }
    }

    private static void WriteBody(BinaryWriter w, ShardHeader h, EmbeddedRows r)
    {
        w.Write(Magic);
        w.Write(h.ModelId);
        w.Write(h.GraphFingerprint);
        foreach (var v in new[] { h.Shard.Index, h.Shard.Count, h.BatchSize }) w.Write(v);
        w.Write(h.CreatedAt.ToUnixTimeMilliseconds());
        w.Write(h.FriendStructureWeight);
        w.Write(h.ContentFilterWeight);
        foreach (var v in new[] { r.Dimensions, r.TotalUsers, r.TotalContents, r.UserStart, r.UserIds.Length, r.ContentStart, r.ContentIds.Length })
            w.Write(v);
        foreach (var id in r.UserIds) w.Write(id);
        foreach (var id in r.ContentIds) w.Write(id);
        foreach (var m in new[] { r.Users, r.Friends, r.Contents }) Floats(w, m);
        foreach (var t in new[] { r.FriendAttention, r.HistoryAttention })
        {
            w.Write(t.Targets.Length);
            w.Write(MemoryMarshal.AsBytes(t.Offsets.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(t.Targets.AsSpan()));
            Floats(w, t.Weights);
        }
    }

    private static (ShardHeader, EmbeddedRows) ReadBody(BoundedReader r, string path)
    {
        var magic = r.Bytes(Magic.Length);
        var hasFilterWeight = magic.SequenceEqual(Magic);
        var hasWeight = hasFilterWeight || magic.SequenceEqual(MagicWithoutFilterWeight);
        if (!hasWeight && !magic.SequenceEqual(MagicWithoutWeight)) throw new InvalidDataException($"{path}: not a shard file (bad magic)");
        var modelId = r.String();
        var fingerprint = r.String();
        int index = r.Int(), count = r.Int(), batch = r.Int();
        var created = r.Long();
        var weight = hasWeight ? r.Single() : 0f;
        if (!float.IsFinite(weight) || weight < 0f)
            throw new InvalidDataException($"{path}: friend structure weight {weight} is not a finite non-negative number (corrupted)");
        var filterWeight = hasFilterWeight ? r.Single() : 0f;
        if (!float.IsFinite(filterWeight) || filterWeight < 0f)
            throw new InvalidDataException($"{path}: content filter weight {filterWeight} is not a finite non-negative number (corrupted)");
        int d = r.Int(), totalUsers = r.Int(), totalContents = r.Int(), userStart = r.Int(), users = r.Count(4), contentStart = r.Int(),
            contents = r.Count(4);
        ShardSpec shard;
        try { shard = ShardSpec.Create(index, count); }
        catch (FormatException e) { throw new InvalidDataException($"{path}: {e.Message} (corrupted)"); }
        var userIds = Enumerable.Range(0, users).Select(_ => r.String()).ToArray();
        var contentIds = Enumerable.Range(0, contents).Select(_ => r.String()).ToArray();
        var userData = r.Floats((long)users * d);
        var friendData = r.Floats((long)users * d);
        var contentData = r.Floats((long)contents * d);
        var attention = new AttentionTable[2];
        for (var k = 0; k < 2; k++)
        {
            var entries = r.Count(8);
            var offsets = r.Ints(users + 1L);
            var targets = r.Ints(entries);
            var weights = r.Floats(entries);
            try { attention[k] = new AttentionTable(offsets, targets, weights); }
            catch (ArgumentException e) { throw new InvalidDataException($"{path}: attention: {e.Message} (corrupted)"); }
        }
        var rows = new EmbeddedRows(d, totalUsers, totalContents, userStart, userIds, userData, friendData, attention[0], attention[1],
            contentStart, contentIds, contentData);
        rows.Validate(path);
        return (new ShardHeader(modelId, fingerprint, shard, batch, DateTimeOffset.FromUnixTimeMilliseconds(created))
        {
            FriendStructureWeight = weight,
            ContentFilterWeight = filterWeight,
        }, rows);
    }

    private static void Floats(BinaryWriter w, float[] values) => w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
}
