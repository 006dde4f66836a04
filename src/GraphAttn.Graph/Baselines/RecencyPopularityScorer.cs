namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Content baseline: recency-weighted popularity within the user's interest topics.
/// <c>score(u, c) = pop(c) · (ε + Σ_{t ∈ topics(c)} interest_u(t))</c>, where <c>pop(c) = Σ weight · 2^(-age / halfLife)</c>
/// over c's interactions, age measured from the newest interaction in the graph, and interest_u from
/// <see cref="TopicInterests"/>. ε keeps popular items outside the user's topics rankable (and ranks everything by
/// popularity for a user with no history: the cold-start answer).
/// </summary>
public sealed class RecencyPopularityScorer : IContentScorer
{
    /// <summary>Default half-life of an interaction's contribution: 14 days.</summary>
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromDays(14);

    /// <summary>ε: the affinity of an item outside every interest topic.</summary>
    public const float Epsilon = 0.05f;
    private readonly SocialGraph _graph;
    private readonly float[] _popularity;

    /// <summary>Precomputes popularity over the whole graph (O(interactions)).</summary>
    public RecencyPopularityScorer(SocialGraph graph, TimeSpan? halfLife = null)
    {
        _graph = graph;
        _popularity = Popularity(graph, halfLife ?? DefaultHalfLife);
    }

    private RecencyPopularityScorer(SocialGraph graph, float[] popularity)
    {
        _graph = graph;
        _popularity = popularity;
    }

    /// <summary>
    /// The scorer over <paramref name="extended"/>, a graph with this one's edges and more nodes: contents added since
    /// have no interactions yet, so their popularity is 0 until the graph's edges are rebuilt. O(contents).
    /// </summary>
    public RecencyPopularityScorer WithNodesOf(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        var popularity = new float[extended.ContentCount];
        _popularity.AsSpan(0, Math.Min(_popularity.Length, popularity.Length)).CopyTo(popularity);
        return new RecencyPopularityScorer(extended, popularity);
    }

    /// <inheritdoc />
    public string Name => "recency-popularity";

    /// <summary>Recency-weighted popularity by content index.</summary>
    public ReadOnlySpan<float> PopularityByContent => _popularity;

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        Span<float> interest = _graph.TopicCount <= 1024 ? stackalloc float[_graph.TopicCount] : new float[_graph.TopicCount];
        TopicInterests.Of(_graph, user, interest);
        for (var c = 0; c < scores.Length; c++) scores[c] = Score(c, interest);
    }

    /// <summary>
    /// The score of <paramref name="content"/> for a user with topic interests <paramref name="interest"/>
    /// (<see cref="TopicInterests.Of"/>): the one expression <see cref="ScoreContent"/> writes, for callers that rank
    /// without scoring every item.
    /// </summary>
    public float Score(int content, ReadOnlySpan<float> interest)
    {
        var affinity = Epsilon;
        foreach (var t in _graph.ContentTopics.Neighbors(content)) affinity += interest[t];
        return _popularity[content] * affinity;
    }

    private static float[] Popularity(SocialGraph g, TimeSpan halfLife)
    {
        var log = g.Interactions;
        var now = log.Count == 0 ? 0 : log.Timestamps.Max();
        var perMs = 1.0 / halfLife.TotalMilliseconds;
        var pop = new float[g.ContentCount];
        for (var i = 0; i < log.Count; i++)
        {
            var age = Math.Max(0, now - log.Timestamps[i]);
            pop[log.Content[i]] += (float)(log.Weights[i] * Math.Pow(2, -age * perMs));
        }
        return pop;
    }
}
