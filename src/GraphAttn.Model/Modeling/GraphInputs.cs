using GraphAttn.Graph;
using GraphAttn.Model.Attention;
using GraphAttn.Model.Inference;
using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// What <see cref="SocialRecModel"/> reads from a (training) graph, prepared once: the three attention edge sets, the
/// content-topic pairs and the history rows.
/// </summary>
public sealed class GraphInputs : IDisposable
{
    /// <summary>Prepares the inputs of <paramref name="graph"/>.</summary>
    public GraphInputs(SocialGraph graph, ModelOptions options)
    {
        Users = graph.UserCount;
        Contents = graph.ContentCount;
        Topics = graph.TopicCount;
        Follows = Edges(graph.Following, Users, Users, reverse: true, selfLoops: true);
        UsersToContent = Edges(graph.ContentUsers, Users, Contents, reverse: true, selfLoops: false);
        ContentToUsers = Edges(graph.ContentUsers, Contents, Users, reverse: false, selfLoops: false);
        var contentIds = new List<long>();
        var topicIds = new List<long>();
        for (var c = 0; c < Contents; c++)
            foreach (var t in graph.ContentTopics.Neighbors(c))
            {
                contentIds.Add(c);
                topicIds.Add(t);
            }
        TopicContent = [.. contentIds];
        TopicIndex = [.. topicIds];
        History = HistoryBatch.From(graph.Interactions, options.HistoryLength, options.TimeBuckets);
        Propagation = options.NeedsPropagationTables ? PropagationGraph.From(graph) : null;
        HistoryTensors = new HistoryTensors(History);
        TopicContentTensor = tensor(TopicContent).DetachFromDisposeScope();
        TopicIndexTensor = tensor(TopicIndex).DetachFromDisposeScope();
        var counts = new float[Contents];
        foreach (var c in TopicContent) counts[c]++;
        TopicCountTensor = tensor(counts.Select(c => Math.Max(1f, c)).ToArray()).view(-1, 1).DetachFromDisposeScope();
    }

    /// <summary>[U, L] history tensors.</summary>
    public HistoryTensors HistoryTensors { get; }

    /// <summary>[P] content index of each (content, topic) pair.</summary>
    public Tensor TopicContentTensor { get; }

    /// <summary>[P] topic index of each pair.</summary>
    public Tensor TopicIndexTensor { get; }

    /// <summary>[Cn, 1] number of topics per content (at least 1, the divisor of the topic mean).</summary>
    public Tensor TopicCountTensor { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        HistoryTensors.Dispose();
        TopicContentTensor.Dispose();
        TopicIndexTensor.Dispose();
        TopicCountTensor.Dispose();
    }

    /// <summary>Number of users U.</summary>
    public int Users { get; }

    /// <summary>Number of contents.</summary>
    public int Contents { get; }

    /// <summary>Number of topics.</summary>
    public int Topics { get; }

    /// <summary>Followee -> follower edges plus one self-loop per user (the social relation).</summary>
    public GatEdges Follows { get; }

    /// <summary>User -> content edges: who interacted with each content.</summary>
    public GatEdges UsersToContent { get; }

    /// <summary>Content -> user edges: what each user interacted with (the interaction relation).</summary>
    public GatEdges ContentToUsers { get; }

    /// <summary>Content index of each (content, topic) pair.</summary>
    public long[] TopicContent { get; }

    /// <summary>Topic index of each (content, topic) pair.</summary>
    public long[] TopicIndex { get; }

    /// <summary>Distinct interaction pairs for the propagation; null when the model has none.</summary>
    public PropagationGraph? Propagation { get; }

    /// <summary>Last L interactions per user.</summary>
    public HistoryBatch History { get; }

    /// <summary>
    /// Attention edges from a CSR (row -> column): row is the source and column the target, or the other way round
    /// with <paramref name="reverse"/>.
    /// </summary>
    private static GatEdges Edges(Csr csr, int sourceCount, int targetCount, bool reverse, bool selfLoops)
    {
        var rows = new int[csr.EdgeCount];
        for (var r = 0; r < csr.NodeCount; r++) rows.AsSpan(csr.Offsets[r], csr.Degree(r)).Fill(r);
        return reverse
            ? GatEdges.FromPairs(csr.Targets, rows, sourceCount, targetCount, selfLoops)
            : GatEdges.FromPairs(rows, csr.Targets, sourceCount, targetCount, selfLoops);
    }
}
