using GraphAttn.Embedding.Shards;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Cli;

/// <summary>One <c>graphattn embed merge</c> run: read the shard files, check they form one run, write the snapshot.</summary>
internal sealed class MergeRun(string @out, IReadOnlyList<string> shardArguments, DateTimeOffset? createdAt, TextWriter output)
{
    /// <summary>Runs; returns 0, or 1 with a reason on <paramref name="error"/>.</summary>
    public int Execute(TextWriter error)
    {
        try
        {
            var files = OutputPath.ShardFiles(shardArguments);
            var snapshot = ShardMerger.Merge(files, createdAt);
            var path = OutputPath.Resolve(@out, Batching.ShardSpec.Single, snapshot.Header.CreatedAt);
            var bytes = SnapshotWriter.Write(snapshot, path);
            output.WriteLine($"merged {files.Count} shards into {path}: {snapshot.UserIds.Length} users, " +
                             $"{snapshot.ContentIds.Length} contents, {bytes:N0} bytes");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            error.WriteLine($"embed merge: {e.Message}");
            return 1;
        }
    }
}
