using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Algorithms;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Profiles;

namespace GraphAttn.Serving.State;

/// <summary>
/// Everything one version of the service answers from: the graph, the scorers ranking over it, and derived indexes.
/// Immutable and swapped as a whole, so a request that captured a state finishes on it even if a reload lands.
/// </summary>
public sealed class ServingState
{
    private readonly Lazy<CommunitySummary> _communities;
    private readonly Lazy<HistoryByContent> _historyByContent;

    /// <summary>Builds a baseline state over <paramref name="graph"/>: recency-popularity and Adamic-Adar.</summary>
    public static ServingState Baseline(SocialGraph graph, string source, DateTimeOffset loadedAt)
    {
        var friends = Neighbourhood.Undirected(graph);
        var provenance = new Provenance
        {
            ModelVersion = $"baseline@{graph.Fingerprint}",
            Method = "baseline",
            GraphFingerprint = graph.Fingerprint,
        };
        return new ServingState(graph, friends, new GraphFilterPopularityScorer(graph), new AdamicAdarScorer(graph, friends),
            provenance, source, loadedAt);
    }

    /// <summary>Assembles a state from prepared parts (used when a model's scorers replace the baselines).</summary>
    public ServingState(SocialGraph graph, Csr friends, IContentScorer content, IFriendScorer friendScorer,
        Provenance provenance, string source, DateTimeOffset loadedAt)
        : this(graph, friends, content, friendScorer, provenance, source, loadedAt, null)
    {
    }

    private ServingState(SocialGraph graph, Csr friends, IContentScorer content, IFriendScorer friendScorer,
        Provenance provenance, string source, DateTimeOffset loadedAt, Func<CommunitySummary>? communities)
    {
        Graph = graph;
        Friends = friends;
        ContentScorer = content;
        FriendScorer = friendScorer;
        Provenance = provenance;
        Source = source;
        LoadedAt = loadedAt;
        PostedCounts = CountPosts(graph);
        // Label propagation takes seconds on large graphs: computed once, on first use, off the load path.
        _communities = new Lazy<CommunitySummary>(
            communities ?? (() => CommunitySummary.Build(graph, LabelPropagation.Communities(friends))), LazyThreadSafetyMode.ExecutionAndPublication);
        _historyByContent = new Lazy<HistoryByContent>(() => new HistoryByContent(graph.Interactions), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The state over <paramref name="extended"/>, this state's graph with more nodes and the same edges (see
    /// <see cref="GraphAttn.Graph.Live.GraphExtension"/>): the friend graph gains empty rows, popularity and communities carry
    /// over with new contents unpopular and new users in communities of their own. O(nodes), no pass over the edges.
    /// </summary>
    public ServingState Extended(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        var friends = extended.UserCount == Friends.NodeCount ? Friends : new Csr(Grow(Friends.Offsets, extended.UserCount), Friends.Targets);
        IContentScorer content = ContentScorer switch
        {
            GraphFilterPopularityScorer filter => filter.WithNodesOf(extended),
            RecencyPopularityScorer popularity => popularity.WithNodesOf(extended),
            _ => ContentScorer,
        };
        IFriendScorer friendScorer = FriendScorer is AdamicAdarScorer ? new AdamicAdarScorer(extended, friends) : FriendScorer;
        // Carried only when computed: a factory holding this state would pin every older graph.
        CommunitySummary? communities = _communities.IsValueCreated
            ? _communities.Value.WithNewNodes(extended.UserCount - Graph.UserCount, extended.TopicCount)
            : null;
        return new ServingState(extended, friends, content, friendScorer, ProvenanceFor(extended), Source, LoadedAt,
            communities is null ? null : () => communities);
    }

    /// <summary>
    /// The baseline state over <paramref name="compacted"/>, this state's graph with overlay edges folded in: scorers and
    /// the friend graph are computed again, communities keep their members (label propagation runs on full loads only)
    /// with sizes and topic mixes recounted.
    /// </summary>
    public ServingState Compacted(SocialGraph compacted)
    {
        ArgumentNullException.ThrowIfNull(compacted);
        var friends = Neighbourhood.Undirected(compacted);
        int[]? labels = _communities.IsValueCreated ? _communities.Value.Labels : null;
        // λ carries over: a compaction folds in recent events, which do not move the blend the load-time fit chose; so
        // do the item–item rows until the graph has grown enough to rebuild them (GraphFilterPopularityScorer.Refreshed).
        var content = ContentScorer is GraphFilterPopularityScorer fallback
            ? fallback.Refreshed(compacted)
            : new GraphFilterPopularityScorer(compacted);
        return new ServingState(compacted, friends, content, new AdamicAdarScorer(compacted, friends),
            ProvenanceFor(compacted), Source, LoadedAt, labels is null ? null : () => CommunitySummary.Build(compacted, labels));
    }

    /// <summary>The graph.</summary>
    public SocialGraph Graph { get; }
    /// <summary>Undirected social ties (follows either way).</summary>
    public Csr Friends { get; }
    /// <summary>Ranks content.</summary>
    public IContentScorer ContentScorer { get; }
    /// <summary>Ranks follow candidates.</summary>
    public IFriendScorer FriendScorer { get; }
    /// <summary>What produces this state's answers.</summary>
    public Provenance Provenance { get; }
    /// <summary>Where the graph came from (no secrets).</summary>
    public string Source { get; }
    /// <summary>When the state was built.</summary>
    public DateTimeOffset LoadedAt { get; }
    /// <summary>Number of content items each user posted.</summary>
    public int[] PostedCounts { get; }
    /// <summary>Communities (label propagation) with sizes and topic mixes, computed on first access.</summary>
    public CommunitySummary Communities => _communities.Value;

    /// <summary>
    /// The graph filter over the interactions when the content baseline has one: the model's content score adds
    /// γ · its score when the snapshot carries γ.
    /// </summary>
    public GraphFilter? ContentFilter => (ContentScorer as GraphFilterPopularityScorer)?.Filter;

    /// <summary>Whether <see cref="Communities"/> has been computed.</summary>
    public bool HasCommunities => _communities.IsValueCreated;

    /// <summary>Every user's history in content order, for influence between two users' histories; computed on first use.</summary>
    public HistoryByContent HistoryByContent => _historyByContent.Value;

    /// <summary>Starts computing communities and the per-graph orders in the background so the first requests do not pay for them.</summary>
    public void WarmUp() => _ = Task.Run(() =>
    {
        _ = _historyByContent.Value;
        _ = _communities.Value;
    });

    // A baseline's provenance names the graph it ranks over; a model's is kept.
    private Provenance ProvenanceFor(SocialGraph graph) => Provenance.Method != "baseline" ? Provenance : new Provenance
    {
        ModelVersion = $"baseline@{graph.Fingerprint}",
        Method = "baseline",
        GraphFingerprint = graph.Fingerprint,
    };

    private static int[] Grow(int[] offsets, int rows)
    {
        var result = new int[rows + 1];
        offsets.CopyTo(result, 0);
        result.AsSpan(offsets.Length).Fill(offsets[^1]);
        return result;
    }

    private static int[] CountPosts(SocialGraph g)
    {
        var counts = new int[g.UserCount];
        foreach (var author in g.ContentAuthor)
            if (author >= 0) counts[author]++;
        return counts;
    }
}
