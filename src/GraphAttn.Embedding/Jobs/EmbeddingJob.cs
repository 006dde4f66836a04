using System.Diagnostics;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Shards;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Embedding.WriteBack;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Jobs;

/// <summary>
/// One re-embedding run (<c>graphattn embed</c>, a Kubernetes Indexed Job's pod): load the graph and the checkpoint,
/// embed (all batches, or one shard's), write the snapshot or shard file atomically, optionally write user vectors back
/// into Neo4j.
/// </summary>
/// <param name="settings">What to embed and where to write it.</param>
/// <param name="output">One summary line per file written.</param>
/// <param name="log">Progress lines with rate and ETA.</param>
public sealed class EmbeddingJob(EmbedSettings settings, TextWriter output, TextWriter log)
{
    /// <summary>
    /// Runs to completion. Bad input and unreachable sources throw <see cref="GraphDataException"/>,
    /// <see cref="IOException"/>, <see cref="InvalidDataException"/>, <see cref="ArgumentException"/>,
    /// <see cref="InvalidOperationException"/> or a Neo4j exception, each with a one-line message.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(settings.Checkpoint))
            throw new DirectoryNotFoundException($"checkpoint folder '{settings.Checkpoint}' does not exist");
        var metadata = Checkpoint.ReadMetadata(settings.Checkpoint);
        var ids = CheckpointIds.Read(settings.Checkpoint);
        ids?.Validate(metadata, settings.Checkpoint);
        var graph = await LoadGraphAsync(ct);
        log.WriteLine($"graph: {graph} (fingerprint {graph.Fingerprint})");
        var rows = CheckpointRows.Resolve(metadata, ids, graph); // fails before the weights load when they cannot fit
        var (newUsers, newContents, newTopics) = rows.MissingCounts();
        log.WriteLine($"checkpoint: version {metadata.Version}, {metadata.Users} users, {metadata.Contents} contents; " +
                      $"new since training: {newUsers} users, {newContents} contents, {newTopics} topics");
        var options = settings.Options with { CreatedAt = settings.Options.CreatedAt ?? DateTimeOffset.UtcNow };
        var (model, _) = Checkpoint.Load(settings.Checkpoint);
        using (model)
        {
            var progress = new LineProgress(log);
            var path = OutputPath.Resolve(settings.Out, options.Shard, options.CreatedAt!.Value);
            (IReadOnlyList<string> Ids, float[] Vectors, int Dimensions) users;
            if (options.Shard.IsSingle)
            {
                var snapshot = SnapshotBuilder.Build(model, metadata, ids, graph, options, progress, ct);
                var bytes = SnapshotWriter.Write(snapshot, path);
                users = (snapshot.UserIds, snapshot.UserVectors.Data, snapshot.Dimensions);
                output.WriteLine($"wrote {path}: {snapshot.UserIds.Length} users, {snapshot.ContentIds.Length} contents, " +
                                 $"{bytes:N0} bytes, model {snapshot.Header.ModelId}, {clock.Elapsed.TotalSeconds:F1} s");
            }
            else
            {
                var (header, shardRows) = SnapshotBuilder.BuildShard(model, metadata, ids, graph, options, progress, ct);
                ShardFile.Write(path, header, shardRows);
                users = (shardRows.UserIds, shardRows.Users, shardRows.Dimensions);
                output.WriteLine($"wrote shard {options.Shard} to {path}: users {shardRows.UserStart}..{shardRows.UserStart + shardRows.UserIds.Length}, " +
                                 $"contents {shardRows.ContentStart}..{shardRows.ContentStart + shardRows.ContentIds.Length}, {clock.Elapsed.TotalSeconds:F1} s");
            }
            if (settings.WriteNeo4j) await WriteBackAsync(users, ct);
        }
    }

    private async Task<SocialGraph> LoadGraphAsync(CancellationToken ct)
    {
        if (settings.FromNeo4j)
        {
            var neo4j = Neo4jSettings.Options(settings.Neo4jUri, settings.Neo4jUser, settings.Neo4jPasswordFile, settings.Neo4jDatabase);
            await using var driver = Neo4jConnector.CreateDriver(neo4j);
            await Neo4jConnector.VerifyAsync(driver, neo4j, ct);
            var source = new Neo4jGraphSource(driver, Neo4jSettings.SourceOptions(settings.Neo4jDatabase));
            log.WriteLine($"loading {source.Describe}");
            return await source.LoadAsync(null, ct);
        }
        var files = GraphFolder.Source(settings.GraphFolder!);
        log.WriteLine($"loading {files.Describe}");
        return await files.LoadAsync(null, ct);
    }

    private async Task WriteBackAsync((IReadOnlyList<string> Ids, float[] Vectors, int Dimensions) users, CancellationToken ct)
    {
        var neo4j = Neo4jSettings.Options(settings.Neo4jUri, settings.Neo4jUser, settings.Neo4jPasswordFile, settings.Neo4jDatabase);
        await using var driver = Neo4jConnector.CreateDriver(neo4j);
        await Neo4jConnector.VerifyAsync(driver, neo4j, ct);
        var result = await Neo4jWriteBack.WriteUsersAsync(driver, users.Ids, users.Vectors, users.Dimensions, neo4j.Database, log, ct);
        output.WriteLine($"neo4j {neo4j.Uri}: {result.Updated} of {result.Requested} users updated in {result.Batches} transactions " +
                         $"({result.Missing} ids not found), vector index {result.Dimensions} dimensions");
    }

    /// <summary>Progress lines with rate and ETA, at most about one per second plus the last of each stage.</summary>
    private sealed class LineProgress(TextWriter log) : IProgress<EmbedProgress>
    {
        private TimeSpan? last;

        public void Report(EmbedProgress value)
        {
            var final = value.Done >= value.Total;
            if (!final && last is { } previous && value.Elapsed - previous < TimeSpan.FromSeconds(1)) return;
            last = final ? null : value.Elapsed;
            log.WriteLine(value.ToString());
        }
    }
}
