using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Shards;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>
/// One call from a trained model and a graph to an <see cref="EmbeddingSnapshot"/> (what the server's in-process training
/// and <c>graphattn embed</c> use). Users and contents come in the graph's order; friend attention targets are user
/// rows, history attention targets content rows.
/// </summary>
public static class SnapshotBuilder
{
    /// <summary>Embeds every user and content of <paramref name="graph"/> (ignores <see cref="EmbedOptions.Shard"/>).</summary>
    /// <param name="model">Trained model (put in eval mode; serialised on its instance lock per batch).</param>
    /// <param name="metadata">Its checkpoint metadata (model id, counts).</param>
    /// <param name="ids">Its id tables (checkpoint version 2), or null: then the graph must be the training graph's shape.</param>
    /// <param name="graph">The graph to embed.</param>
    /// <param name="options">Batch size, top-k, creation time; null = defaults.</param>
    /// <param name="progress">Per-batch progress; may be null.</param>
    /// <param name="ct">Cancels between batches.</param>
    /// <exception cref="InvalidDataException">The checkpoint does not fit the graph (version 1 with other counts), or its
    /// friend structure weight is not a finite non-negative float.</exception>
    public static EmbeddingSnapshot Build(SocialRecModel model, CheckpointMetadata metadata, CheckpointIds? ids,
        SocialGraph graph, EmbedOptions? options = null, IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        ScoreTermWeights.Friend(metadata); // a damaged β or γ fails before the run, not after it
        ScoreTermWeights.ContentFilter(metadata);
        options = (options ?? new EmbedOptions()) with { Shard = ShardSpec.Single };
        var part = new BatchEmbedder(model, graph, CheckpointRows.Resolve(metadata, ids, graph), options).Embed(progress, ct);
        return SnapshotAssembly.Assemble(Header(metadata, graph, options), [part]);
    }

    /// <summary>
    /// Embeds every user and content of <paramref name="graph"/> with explicit weight-row maps and model id, for a model
    /// that has no checkpoint yet (e.g. just trained in-process: pass <see cref="NodeRows.Identity"/> when
    /// <paramref name="graph"/> lists the training graph's ids in the same order, as the split's training graph does).
    /// Without metadata there is no friend structure weight: the snapshot carries β = 0 (embeddings only).
    /// </summary>
    public static EmbeddingSnapshot Build(SocialRecModel model, NodeRows rows, string modelId, SocialGraph graph,
        EmbedOptions? options = null, IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        options = (options ?? new EmbedOptions()) with { Shard = ShardSpec.Single, ModelId = modelId };
        var part = new BatchEmbedder(model, graph, rows, options).Embed(progress, ct);
        return SnapshotAssembly.Assemble(new SnapshotHeader(modelId, graph.Fingerprint, options.CreatedAt ?? DateTimeOffset.UtcNow), [part]);
    }

    /// <summary>
    /// Embeds only the users and contents of <see cref="EmbedOptions.Shard"/>'s batches, for a shard file that
    /// <see cref="ShardMerger"/> later joins with the others.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint does not fit the graph, or its friend structure weight is not a
    /// finite non-negative float.</exception>
    public static (ShardHeader Header, EmbeddedRows Rows) BuildShard(SocialRecModel model, CheckpointMetadata metadata,
        CheckpointIds? ids, SocialGraph graph, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        ScoreTermWeights.Friend(metadata); // a damaged β or γ fails before the run, not after it
        ScoreTermWeights.ContentFilter(metadata);
        var rows = new BatchEmbedder(model, graph, CheckpointRows.Resolve(metadata, ids, graph), options).Embed(progress, ct);
        var header = Header(metadata, graph, options);
        return (new ShardHeader(header.ModelId, header.GraphFingerprint, options.Shard, options.BatchSize, header.CreatedAt)
        {
            FriendStructureWeight = header.FriendStructureWeight,
            ContentFilterWeight = header.ContentFilterWeight,
        }, rows);
    }

    /// <summary>Loads the checkpoint in <paramref name="checkpointFolder"/>, embeds the graph, disposes the model.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is missing, unreadable or does not fit the graph.</exception>
    public static EmbeddingSnapshot Build(string checkpointFolder, SocialGraph graph, EmbedOptions? options = null,
        IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        var (model, metadata) = Checkpoint.Load(checkpointFolder);
        using (model) return Build(model, metadata, CheckpointIds.Read(checkpointFolder), graph, options, progress, ct);
    }

    /// <summary>
    /// The header a run over <paramref name="graph"/> writes; it carries the checkpoint's friend structure weight β and
    /// content filter weight γ, so the server scores with the same formulas as the model.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint's β is not a finite non-negative float.</exception>
    public static SnapshotHeader Header(CheckpointMetadata metadata, SocialGraph graph, EmbedOptions options) =>
        new(options.ModelId ?? ModelIdentity.Of(metadata), graph.Fingerprint, options.CreatedAt ?? DateTimeOffset.UtcNow)
        {
            FriendStructureWeight = ScoreTermWeights.Friend(metadata),
            ContentFilterWeight = ScoreTermWeights.ContentFilter(metadata),
        };
}
