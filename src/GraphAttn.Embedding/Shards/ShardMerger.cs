using GraphAttn.Embedding.Snapshots;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Shards;

/// <summary>
/// Merges the shard files of one sharded run into the snapshot a single process would have written. Rejects, naming
/// the files: a shard listed twice, a missing shard, and shards of different runs (model id, graph fingerprint, friend
/// structure weight, shard count or batch size differ). The snapshot carries the shards' common friend structure weight.
/// </summary>
public static class ShardMerger
{
    /// <summary>Reads and merges <paramref name="paths"/>; <paramref name="createdAt"/> (default now) goes in the header.</summary>
    /// <exception cref="InvalidDataException">The shards do not form one complete run, or a file is damaged.</exception>
    public static EmbeddingSnapshot Merge(IReadOnlyList<string> paths, DateTimeOffset? createdAt = null)
    {
        if (paths.Count == 0) throw new InvalidDataException("no shard files given");
        var shards = paths.Select(p => (Path: p, Shard: ShardFile.Read(p))).ToList();
        var (firstPath, (first, _)) = shards[0];
        foreach (var (path, (h, _)) in shards)
        {
            if (h.ModelId != first.ModelId)
                throw new InvalidDataException($"{path}: model '{h.ModelId}' differs from {firstPath}'s '{first.ModelId}' (shards of different runs)");
            if (h.GraphFingerprint != first.GraphFingerprint)
                throw new InvalidDataException($"{path}: graph fingerprint {h.GraphFingerprint} differs from {firstPath}'s {first.GraphFingerprint} (shards of different graphs)");
            if (h.FriendStructureWeight != first.FriendStructureWeight)
                throw new InvalidDataException(
                    $"{path}: friend structure weight {h.FriendStructureWeight} differs from {firstPath}'s {first.FriendStructureWeight} (shards of different checkpoints)");
            if (h.ContentFilterWeight != first.ContentFilterWeight)
                throw new InvalidDataException(
                    $"{path}: content filter weight {h.ContentFilterWeight} differs from {firstPath}'s {first.ContentFilterWeight} (shards of different checkpoints)");
            if (h.Shard.Count != first.Shard.Count || h.BatchSize != first.BatchSize)
                throw new InvalidDataException(
                    $"{path}: shard {h.Shard} with batch size {h.BatchSize} does not belong to a run of {first.Shard.Count} shards with batch size {first.BatchSize}");
        }
        var duplicate = shards.GroupBy(s => s.Shard.Header.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"shard {duplicate.Key}/{first.Shard.Count} given twice: {string.Join(", ", duplicate.Select(s => s.Path))}");
        var missing = Enumerable.Range(0, first.Shard.Count).Except(shards.Select(s => s.Shard.Header.Shard.Index)).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{first.Shard.Count}"))}");
        var header = new SnapshotHeader(first.ModelId, first.GraphFingerprint, createdAt ?? DateTimeOffset.UtcNow)
        {
            FriendStructureWeight = first.FriendStructureWeight,
            ContentFilterWeight = first.ContentFilterWeight,
        };
        return SnapshotAssembly.Assemble(header, [.. shards.OrderBy(s => s.Shard.Header.Shard.Index).Select(s => s.Shard.Rows)]);
    }
}
