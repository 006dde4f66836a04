using GraphAttn.Embedding.Batching;
using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Inductive;

/// <summary>
/// Computes one user's vectors at request time from their followees and interaction history (the model is inductive:
/// one hop per relation), for users who arrived after the last batch embed or whose history moved on since. Followees
/// and history contents are looked up in the graph; their id vectors come from the checkpoint (zero for nodes it
/// lacks). Thread-safe, and calls run concurrently: the forward pass in eval mode keeps no state between calls (the
/// history encoder's pooling weights are per thread), and gradient mode and dispose scopes are per thread. The model
/// must stay in eval mode while it serves: do not train the instance an embedder holds.
/// </summary>
public sealed class InductiveEmbedder
{
    private readonly SocialRecModel model;
    private readonly SocialGraph graph;
    private readonly NodeRows rows;
    private readonly BlockContext plain;
    private readonly Lazy<BlockContext> context;
    private readonly int topFriends;
    private readonly int topHistory;

    /// <summary>Binds a trained model to the graph it serves.</summary>
    /// <param name="model">Trained model (eval mode is set on each call).</param>
    /// <param name="graph">The serving graph (followees, contents, topics).</param>
    /// <param name="rows">Graph index -> weight row maps (<see cref="CheckpointRows.Resolve"/>).</param>
    /// <param name="topFriends">Followees returned by attention (default 10).</param>
    /// <param name="topHistory">History contents returned by attention (default 10).</param>
    public InductiveEmbedder(SocialRecModel model, SocialGraph graph, NodeRows rows, int topFriends = 10, int topHistory = 10)
    {
        (this.model, this.graph, this.rows, this.topFriends, this.topHistory) = (model, graph, rows, topFriends, topHistory);
        plain = new BlockContext(graph.ContentTopics, rows);
        context = new Lazy<BlockContext>(Propagated, LazyThreadSafetyMode.ExecutionAndPublication);
        lock (model)
        {
            // Once, before any call: flipping the mode during another thread's forward pass would be a race.
            if (model.training) model.eval();
        }
    }

    /// <summary>
    /// Weight of a live event: RecordInteraction carries none. It only orders live events that share a timestamp with
    /// another event, since live events are otherwise newer than the graph's.
    /// </summary>
    private const float LiveEventWeight = 1f;

    /// <summary>
    /// The vectors of <paramref name="userId"/>. A user in the graph keeps their graph followees and interactions, plus
    /// <paramref name="extraFollowees"/> and <paramref name="liveEvents"/> (events the graph does not hold yet, e.g.
    /// from RecordInteraction): the history view moves on without a re-embed. With no extra inputs a graph user's result
    /// equals the batch embedding. A user not in the graph is embedded from the extra inputs alone. Returns null when
    /// the user ends up with no followee and no event on a known content (the caller falls back to baselines).
    /// </summary>
    public InductiveResult? Embed(string userId, IEnumerable<string>? extraFollowees = null, IEnumerable<HistoryEvent>? liveEvents = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var inGraph = graph.Users.TryGetIndex(userId, out var user);
        var followees = new List<int>();
        var events = new List<(int Content, InteractionKind Kind, long Ts, float Weight)>();
        if (inGraph)
        {
            followees.AddRange(graph.Following.Neighbors(user).ToArray());
            var log = graph.Interactions;
            for (var i = log.Offsets[user]; i < log.Offsets[user + 1]; i++)
                events.Add((log.Content[i], log.Kinds[i], log.Timestamps[i], log.Weights[i]));
        }
        foreach (var id in extraFollowees ?? [])
            if (graph.Users.TryGetIndex(id, out var f) && f != user && !followees.Contains(f)) followees.Add(f);
        foreach (var e in (liveEvents ?? []).OrderBy(e => e.TimestampMs))
            if (graph.Contents.TryGetIndex(e.ContentId, out var c)) events.Add((c, e.Kind, e.TimestampMs, LiveEventWeight));
        if (followees.Count == 0 && events.Count == 0) return null;
        return Compute(inGraph ? user : -1, followees, events);
    }

    private InductiveResult Compute(int user, List<int> followees, List<(int Content, InteractionKind Kind, long Ts, float Weight)> oldestFirst)
    {
        // The batch history rows' order (HistoryOrder), over the graph log followed by the live events.
        var window = HistoryOrder.NewestFirst(oldestFirst.Select(e => e.Ts).ToArray(), oldestFirst.Select(e => e.Weight).ToArray(),
            model.Options.HistoryLength);
        var newestFirst = window.Select(i => (oldestFirst[i].Content, oldestFirst[i].Kind, oldestFirst[i].Ts)).ToList();
        var history = BlockHistory.FromEvents(newestFirst, model.Options.HistoryLength, model.Options.TimeBuckets);
        var contents = new SortedSet<int>(oldestFirst.Select(e => e.Content));
        var block = new UserBlock([user], TargetEdges.FromLists([followees]), TargetEdges.FromLists([contents.ToList()]), history);
        using var noGrad = no_grad();
        var blockContext = context.Value;
        using var scope = NewDisposeScope();
        var output = model.ForwardUsers(block, blockContext, withAttention: topFriends > 0);
        var weights = output.HistoryWeights.data<float>().ToArray();
        var alpha = output.FollowAttention ?? [];
        var friends = topFriends == 0 ? [] : TopAttention.Select(followees.Select((f, k) => (f, alpha[k])), topFriends);
        var items = TopAttention.History(weights, history.Items, history.Padding, topHistory);
        return new InductiveResult(output.Users.data<float>().ToArray(), output.Friends.data<float>().ToArray(),
            [.. friends.Select(f => (graph.Users[f.Target], f.Weight))],
            [.. items.Select(h => (graph.Contents[h.Target], h.Weight))],
            user >= 0 && rows.UserRow(user) >= 0);
    }

    /// <summary>
    /// One content's vector ([D]) from the model's content pass, as the batch job computes it: its topics (the content
    /// base), the users who interacted with it, and its id row when the checkpoint has one (zero for content created
    /// since). For a content the checkpoint knows, the result equals the batch embedding's row. Null for a model with
    /// interaction propagation: its content vectors read whole-graph tables this path does not build.
    /// </summary>
    public float[]? EmbedContent(int content)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(content);
        if (model.Options.PropagationLayers > 0) return null;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var output = model.ForwardContents(ContentBlock.Full(graph, [content]), plain); // [1, D]
        return output.data<float>().ToArray();
    }

    /// <summary>
    /// The block context; a model with interaction propagation also needs the serving graph's tables: computed once,
    /// on first use, without gradient. They hold [U + Cn, D] floats for the embedder's lifetime and are released with
    /// it (the serving cache keys embedders weakly by graph, so the finalizer frees them).
    /// </summary>
    private BlockContext Propagated()
    {
        if (!model.Options.NeedsPropagationTables) return plain;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return plain.With(model.Propagate(PropagationGraph.From(graph), plain).Detached());
    }
}
