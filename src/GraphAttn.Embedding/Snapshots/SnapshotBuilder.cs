using GraphAttn.Embedding.Batching;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Snapshots;

/// <summary>
/// One call from a trained model and a graph to an <see cref="EmbeddingSnapshot"/> (what the server's embedded default
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
    /// <exception cref="InvalidDataException">The checkpoint does not fit the graph (version 1 with other counts).</exception>
    public static EmbeddingSnapshot Build(SocialRecModel model, CheckpointMetadata metadata, CheckpointIds? ids,
        SocialGraph graph, EmbedOptions? options = null, IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        options = (options ?? new EmbedOptions()) with { Shard = ShardSpec.Single };
        var part = new BatchEmbedder(model, graph, CheckpointRows.Resolve(metadata, ids, graph), options).Embed(progress, ct);
        return SnapshotAssembly.Assemble(Header(metadata, graph, options), [part]);
    }

    /// <summary>Loads the checkpoint in <paramref name="checkpointFolder"/>, embeds the graph, disposes the model.</summary>
    /// <exception cref="InvalidDataException">The checkpoint is missing, unreadable or does not fit the graph.</exception>
    public static EmbeddingSnapshot Build(string checkpointFolder, SocialGraph graph, EmbedOptions? options = null,
        IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        var (model, metadata) = Checkpoint.Load(checkpointFolder);
        using (model) return Build(model, metadata, CheckpointIds.Read(checkpointFolder), graph, options, progress, ct);
    }

    /// <summary>The header a run over <paramref name="graph"/> writes.</summary>
    public static SnapshotHeader Header(CheckpointMetadata metadata, SocialGraph graph, EmbedOptions options) =>
        new(options.ModelId ?? ModelIdentity.Of(metadata), graph.Fingerprint, options.CreatedAt ?? DateTimeOffset.UtcNow);
}
