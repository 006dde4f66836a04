using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Shards;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Embedding.Tests.Support;

/// <summary>Shard files of one model over one graph, as a sharded re-embedding run writes them.</summary>
internal static class ShardFiles
{
    /// <summary>Writes shards 0..<paramref name="count"/>-1 into <paramref name="folder"/>; returns their paths in order.</summary>
    public static string[] Write(SocialRecModel model, SocialGraph graph, TempFolder folder, EmbedOptions options,
        CheckpointMetadata metadata, int count, string prefix = "shard")
    {
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (header, rows) = SnapshotBuilder.BuildShard(model, metadata, CheckpointIds.Of(graph), graph,
                options with { Shard = new ShardSpec(i, count) });
            paths[i] = folder.File($"{prefix}-{i}{ShardFile.Extension}");
            ShardFile.Write(paths[i], header, rows);
        }
        return paths;
    }
}
