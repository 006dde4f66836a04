using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Algorithms;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Profiles;
using GraphAttn.Serving.Recommending;

namespace GraphAttn.Serving.State;

/// <summary>
/// Everything one version of the service answers from: the graph, the scorers ranking over it, and derived indexes.
/// Immutable and swapped as a whole, so a request that captured a state finishes on it even if a reload lands.
/// </summary>
public sealed class ServingState
{
    private readonly Lazy<CommunitySummary> _communities;
    private readonly Lazy<PopularityRanking?> _contentRanking;
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
        return new ServingState(graph, friends, new RecencyPopularityScorer(graph), new AdamicAdarScorer(graph, friends),
            provenance, source, loadedAt);
    }

    /// <summary>Assembles a state from prepared parts (used when a model's scorers replace the baselines).</summary>
    public ServingState(SocialGraph graph, Csr friends, IContentScorer content, IFriendScorer friendScorer,
        Provenance provenance, string source, DateTimeOffset loadedAt)
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
            () => CommunitySummary.Build(graph, LabelPropagation.Communities(friends)), LazyThreadSafetyMode.ExecutionAndPublication);
        _contentRanking = new Lazy<PopularityRanking?>(
            () => content is RecencyPopularityScorer popularity ? new PopularityRanking(graph, popularity) : null,
            LazyThreadSafetyMode.ExecutionAndPublication);
        _historyByContent = new Lazy<HistoryByContent>(() => new HistoryByContent(graph.Interactions), LazyThreadSafetyMode.ExecutionAndPublication);
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
    /// The content baseline's items in popularity order, so a request ranks without scoring every item; null when
    /// <see cref="ContentScorer"/> is not the recency-popularity baseline. Computed on first use (a sort of the catalogue).
    /// </summary>
    public PopularityRanking? ContentRanking => _contentRanking.Value;

    /// <summary>Every user's history in content order, for influence between two users' histories; computed on first use.</summary>
    public HistoryByContent HistoryByContent => _historyByContent.Value;

    /// <summary>Starts computing communities and the per-graph orders in the background so the first requests do not pay for them.</summary>
    public void WarmUp() => _ = Task.Run(() =>
    {
        _ = _contentRanking.Value;
        _ = _historyByContent.Value;
        _ = _communities.Value;
    });

    private static int[] CountPosts(SocialGraph g)
    {
        var counts = new int[g.UserCount];
        foreach (var author in g.ContentAuthor)
            if (author >= 0) counts[author]++;
        return counts;
    }
}
