using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Model.Inference;

/// <summary>Maps a graph's nodes to a checkpoint's weight rows by id (version 2) or by order (version 1).</summary>
public static class CheckpointRows
{
    /// <summary>
    /// With id tables, every graph node whose id the checkpoint knows gets its row, the others -1 (new nodes: zero id
    /// vector). Without (version 1), the graph must have exactly the checkpoint's counts, and its order is assumed.
    /// </summary>
    /// <exception cref="InvalidDataException">Version 1 and the counts differ (the graph is not the trained one).</exception>
    public static NodeRows Resolve(CheckpointMetadata metadata, CheckpointIds? ids, SocialGraph graph)
    {
        if (ids is null)
        {
            if (graph.UserCount != metadata.Users || graph.ContentCount != metadata.Contents || graph.TopicCount != metadata.Topics)
                throw new InvalidDataException(
                    $"checkpoint version {metadata.Version} has no id tables and is shaped for {metadata.Users} users, " +
                    $"{metadata.Contents} contents, {metadata.Topics} topics, but the graph has {graph.UserCount}, " +
                    $"{graph.ContentCount}, {graph.TopicCount}: re-train, or use a version 2 checkpoint");
            return NodeRows.Identity;
        }
        return new NodeRows(Map(graph.Users, ids.Users), Map(graph.Contents, ids.Contents), Map(graph.Topics, ids.Topics));
    }

    // Identity (null) when the graph lists exactly the checkpoint's ids in the same order.
    private static int[]? Map(IdMap graphIds, string[] rowIds)
    {
        var rowOf = new Dictionary<string, int>(rowIds.Length, StringComparer.Ordinal);
        for (var r = 0; r < rowIds.Length; r++) rowOf.TryAdd(rowIds[r], r);
        var rows = new int[graphIds.Count];
        var identity = graphIds.Count == rowIds.Length;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = rowOf.GetValueOrDefault(graphIds[i], -1);
            identity &= rows[i] == i;
        }
        return identity ? null : rows;
    }
}
