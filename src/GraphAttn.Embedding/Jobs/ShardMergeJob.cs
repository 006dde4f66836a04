using GraphAttn.Embedding.Shards;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Jobs;

/// <summary>
/// Merges the shard files of one sharded re-embedding run into the snapshot one process would have written, byte for
/// byte (<c>graphattn embed merge</c>).
/// </summary>
public static class ShardMergeJob
{
    /// <summary>Reads the shards (files, or folders of them), checks they form one run, writes the snapshot; returns its path.</summary>
    /// <exception cref="IOException">A file cannot be read or written.</exception>
    /// <exception cref="InvalidDataException">Shards are missing, duplicated, corrupt or from another run.</exception>
    public static string Run(string @out, IReadOnlyList<string> shardArguments, DateTimeOffset? createdAt, TextWriter output)
    {
        var files = OutputPath.ShardFiles(shardArguments);
        var snapshot = ShardMerger.Merge(files, createdAt);
        var path = OutputPath.Resolve(@out, Batching.ShardSpec.Single, snapshot.Header.CreatedAt);
        var bytes = SnapshotWriter.Write(snapshot, path);
        output.WriteLine($"merged {files.Count} shards into {path}: {snapshot.UserIds.Length} users, " +
                         $"{snapshot.ContentIds.Length} contents, {bytes:N0} bytes");
        return path;
    }
}
