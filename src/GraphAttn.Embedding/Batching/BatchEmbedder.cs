using System.Diagnostics;
using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Snapshots;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Batching;

/// <summary>
/// Computes user, friend and content vectors of a graph with a trained model in inference mode (eval, no_grad), in
/// fixed GLOBAL batches of <see cref="EmbedOptions.BatchSize"/> targets through the per-target forward with every
/// in-edge. Each batch runs in its own dispose scope, so native memory is bounded by one batch, and its rows do not
/// depend on which shard computes it. Each batch holds a lock on the model instance (the same lock the
/// <see cref="Inductive.InductiveEmbedder"/> takes), so both may share one model.
/// </summary>
public sealed class BatchEmbedder
{
    private readonly SocialRecModel model;
    private readonly SocialGraph graph;
    private readonly EmbedOptions options;
    private readonly BlockContext context;
    private readonly HistoryBatch history;

    /// <summary>Prepares a run of <paramref name="model"/> over <paramref name="graph"/>.</summary>
    /// <param name="model">Trained model.</param>
    /// <param name="graph">Graph to embed (may be newer than the training graph).</param>
    /// <param name="rows">Graph index -> weight row maps (<see cref="CheckpointRows.Resolve"/>).</param>
    /// <param name="options">Batch size, top-k, shard; null = defaults.</param>
    public BatchEmbedder(SocialRecModel model, SocialGraph graph, NodeRows rows, EmbedOptions? options = null)
    {
        this.model = model;
        this.graph = graph;
        this.options = options ?? new EmbedOptions();
        this.options.Validate();
        context = new BlockContext(graph.ContentTopics, rows);
        history = HistoryBatch.From(graph.Interactions, model.Options.HistoryLength, model.Options.TimeBuckets);
    }

    /// <summary>Users [first, end) this run computes (its shard's batches).</summary>
    public (int First, int End) UserRange => Range(graph.UserCount);

    /// <summary>Contents [first, end) this run computes.</summary>
    public (int First, int End) ContentRange => Range(graph.ContentCount);

    /// <summary>Embeds this shard's users, then its contents; reports after every batch.</summary>
    /// <exception cref="OperationCanceledException">Cancelled between batches.</exception>
    public EmbeddedRows Embed(IProgress<EmbedProgress>? progress = null, CancellationToken ct = default)
    {
        var d = model.Options.Dimension;
        var (u0, u1) = UserRange;
        var (c0, c1) = ContentRange;
        var users = new float[(long)(u1 - u0) * d];
        var friends = new float[users.Length];
        var friendRows = new List<(int, float)>[u1 - u0];
        var historyRows = new List<(int, float)>[u1 - u0];
        var contents = new float[(long)(c1 - c0) * d];
        using var tables = Tables();
        var context = this.context.With(tables);
        Run("users", u0, u1, progress, ct, (first, end) => UserBatch(context, first, end, u0, users, friends, friendRows, historyRows));
        Run("contents", c0, c1, progress, ct, (first, end) => ContentBatch(context, first, end, c0, contents));
        return new EmbeddedRows(d, graph.UserCount, graph.ContentCount,
            u0, Ids(graph.Users, u0, u1), users, friends, Table(friendRows), Table(historyRows),
            c0, Ids(graph.Contents, c0, c1), contents);
    }

    private void Run(string stage, int first, int end, IProgress<EmbedProgress>? progress, CancellationToken ct, Action<int, int> batch)
    {
        var clock = Stopwatch.StartNew();
        for (var start = first; start < end; start += options.BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var stop = Math.Min(end, start + options.BatchSize);
            lock (model) batch(start, stop);
            progress?.Report(new EmbedProgress(stage, stop - first, end - first, clock.Elapsed));
        }
        if (first == end) progress?.Report(new EmbedProgress(stage, 0, 0, clock.Elapsed));
    }

    private void UserBatch(BlockContext context, int first, int end, int offset, float[] users, float[] friends,
        List<(int, float)>[] friendRows, List<(int, float)>[] historyRows)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var targets = Enumerable.Range(first, end - first).ToArray();
        var block = UserBlock.Full(graph, history, targets);
        var output = model.ForwardUsers(block, context, withAttention: options.TopFriends > 0);
        var d = model.Options.Dimension;
        Copy(output.Users, users, (long)(first - offset) * d);
        Copy(output.Friends, friends, (long)(first - offset) * d);
        var weights = output.HistoryWeights.contiguous().data<float>().ToArray();
        var l = block.History.Length;
        for (var t = 0; t < targets.Length; t++)
        {
            var followees = block.Followees.Of(t);
            var alpha = output.FollowAttention is { } a ? a.AsSpan(block.Followees.Offsets[t], followees.Length).ToArray() : [];
            friendRows[first - offset + t] = options.TopFriends == 0 ? []
                : TopAttention.Select(followees.ToArray().Select((f, k) => (f, alpha[k])), options.TopFriends);
            historyRows[first - offset + t] = TopAttention.History(weights.AsSpan(t * (l + 1), l + 1),
                block.History.Items.AsSpan(t * l, l), block.History.Padding.AsSpan(t * l, l), options.TopHistory);
        }
    }

    private void ContentBatch(BlockContext context, int first, int end, int offset, float[] contents)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var targets = Enumerable.Range(first, end - first).ToArray();
        var output = model.ForwardContents(ContentBlock.Full(graph, targets), context);
        Copy(output, contents, (long)(first - offset) * model.Options.Dimension);
    }

    /// <summary>
    /// The whole graph's propagation tables (a model with <see cref="ModelOptions.NeedsPropagationTables"/>), computed
    /// once per run without gradient: every shard computes the same tables, so its rows do not depend on the sharding.
    /// </summary>
    private PropagationTables? Tables()
    {
        if (!model.Options.NeedsPropagationTables) return null;
        lock (model)
        {
            model.eval();
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            return model.Propagate(PropagationGraph.From(graph), context).Detached();
        }
    }

    private (int, int) Range(int count)
    {
        var batches = (count + options.BatchSize - 1) / options.BatchSize;
        var (first, end) = options.Shard.BatchRange(batches);
        return (Math.Min(count, first * options.BatchSize), Math.Min(count, end * options.BatchSize));
    }

    private static void Copy(Tensor source, float[] destination, long offset) =>
        source.contiguous().data<float>().ToArray().CopyTo(destination, offset);

    private static string[] Ids(IdMap map, int first, int end) => [.. map.Ids.Skip(first).Take(end - first)];

    private static AttentionTable Table(List<(int, float)>[] rows) =>
        AttentionTable.FromRows(rows.Select(r => (IReadOnlyList<(int, float)>)r).ToArray());
}
