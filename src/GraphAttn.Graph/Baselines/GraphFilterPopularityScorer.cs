namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The server's content baseline: the training-free <see cref="GraphFilter"/> (GF-CF) of the user × content matrix
/// blended with popularity, score(u, c) = GF(u, c) / max_c GF(u, c) + (λ + ε) · p(c), with p(c) = deg(c) / (max deg + 1)
/// the share of an item's distinct users and ε = 0.001 so that items the filter does not reach still rank by
/// popularity (a user without history gets the popularity order). λ is fitted on the graph itself
/// (<see cref="PopularityBlendFit"/>): on Last.fm the filter alone wins, on Ciao popularity does, and one fixed choice
/// would lose on the other. It replaced recency-weighted popularity within the user's topics, which ranked below plain
/// popularity on both (figures: tests/GraphAttn.Evaluation.Benchmarks/README.md).
/// </summary>
public sealed class GraphFilterPopularityScorer : IContentScorer
{
    private const float Epsilon = 0.001f;
    private readonly GraphFilter _filter;
    private readonly float[] _popularity;

    /// <summary>Prepares the filter over <paramref name="graph"/>'s interactions and fits λ on it (O(interactions) plus the fit).</summary>
    public GraphFilterPopularityScorer(SocialGraph graph)
        : this(graph, PopularityBlendFit.Fit(graph))
    {
    }

    /// <summary>Prepares the filter over <paramref name="graph"/>'s interactions with a given λ ≥ 0.</summary>
    public GraphFilterPopularityScorer(SocialGraph graph, float popularityWeight)
        : this(new GraphFilter(GraphFilterContentScorer.UserContents(graph), graph.ContentCount), graph.ContentCount, popularityWeight)
    {
    }

    private GraphFilterPopularityScorer(GraphFilter filter, int contentCount, float popularityWeight)
    {
        if (!(popularityWeight >= 0f) || !float.IsFinite(popularityWeight))
            throw new ArgumentOutOfRangeException(nameof(popularityWeight), popularityWeight, "must be a finite non-negative number");
        _filter = filter;
        _popularity = PopularityShares(filter, contentCount);
        PopularityWeight = popularityWeight;
    }

    /// <inheritdoc />
    public string Name => "graph-filter+popularity";

    /// <summary>The graph filter (its rows and columns are the graph's users and contents when it was built).</summary>
    public GraphFilter Filter => _filter;

    /// <summary>λ, the weight of popularity next to the user's normalised filter scores.</summary>
    public float PopularityWeight { get; }

    /// <summary>
    /// The scorer over <paramref name="extended"/>, a graph with this one's edges and more nodes: the filter and λ are
    /// kept (users and contents added since have no interactions in it: they rank by popularity alone). O(contents).
    /// </summary>
    public GraphFilterPopularityScorer WithNodesOf(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        return new GraphFilterPopularityScorer(_filter, extended.ContentCount, PopularityWeight);
    }

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        if (scores.Length != _popularity.Length)
            throw new ArgumentException($"scores has length {scores.Length}, expected {_popularity.Length}", nameof(scores));
        var known = scores[.._filter.ColumnCount];
        if (user < _filter.RowCount) _filter.Score(user, known);
        else known.Clear();
        scores[_filter.ColumnCount..].Clear();
        var scale = InverseMax(scores);
        for (var c = 0; c < scores.Length; c++) scores[c] = Blend(scores[c], scale, _popularity[c], PopularityWeight);
    }

    /// <summary>One item's blended score from its filter score, the user's 1 / max filter score and its popularity share.</summary>
    internal static float Blend(float filterScore, float inverseMax, float popularity, float lambda) =>
        (filterScore * inverseMax) + ((lambda + Epsilon) * popularity);

    /// <summary>1 / the largest filter score (0 when the filter reaches nothing).</summary>
    internal static float InverseMax(ReadOnlySpan<float> filterScores)
    {
        var max = 0f;
        foreach (var s in filterScores) max = MathF.Max(max, s);
        return max > 0f ? 1f / max : 0f;
    }

    /// <summary>p(c) = deg(c) / (max deg + 1) for the filter's columns, 0 for contents beyond them.</summary>
    internal static float[] PopularityShares(GraphFilter filter, int contentCount)
    {
        var shares = new float[contentCount];
        var known = Math.Min(contentCount, filter.ColumnCount);
        var max = 0;
        for (var c = 0; c < known; c++) max = Math.Max(max, filter.ColumnDegree(c));
        for (var c = 0; c < known; c++) shares[c] = filter.ColumnDegree(c) / (max + 1f);
        return shares;
    }
}
