namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The server's content baseline: the training-free <see cref="GraphFilter"/> (GF-CF) of the user × content matrix for
/// every item it reaches from the user's history, then every other item by popularity (distinct users) below all of
/// them, so a user without history, or with a history that reaches few items, still gets a full list. Scores: the
/// filter's s(u, c) &gt; 0 where it reaches c, otherwise −1 + deg(c) / (max deg + 1) ∈ [−1, 0).
/// It replaced recency-weighted popularity within the user's topics as the fallback because that ranked below plain
/// popularity on both real datasets, while the filter is the strongest training-free method on them (figures:
/// tests/GraphAttn.Evaluation.Benchmarks/README.md).
/// </summary>
public sealed class GraphFilterPopularityScorer : IContentScorer
{
    private readonly GraphFilter _filter;
    private readonly float[] _fill;

    /// <summary>Prepares the filter over <paramref name="graph"/>'s interactions (O(interactions)).</summary>
    public GraphFilterPopularityScorer(SocialGraph graph)
        : this(new GraphFilter(GraphFilterContentScorer.UserContents(graph), graph.ContentCount), graph.ContentCount)
    {
    }

    private GraphFilterPopularityScorer(GraphFilter filter, int contentCount)
    {
        _filter = filter;
        _fill = new float[contentCount];
        Array.Fill(_fill, -1f);
        var degrees = new int[Math.Min(contentCount, filter.ColumnCount)];
        for (var c = 0; c < degrees.Length; c++) degrees[c] = filter.ColumnDegree(c);
        var max = degrees.Length == 0 ? 0 : degrees.Max();
        for (var c = 0; c < degrees.Length; c++) _fill[c] = -1f + (degrees[c] / (max + 1f));
    }

    /// <inheritdoc />
    public string Name => "graph-filter+popularity";

    /// <summary>The graph filter (its rows and columns are the graph's users and contents when it was built).</summary>
    public GraphFilter Filter => _filter;

    /// <summary>
    /// The scorer over <paramref name="extended"/>, a graph with this one's edges and more nodes: the filter is kept
    /// (users and contents added since have no interactions in it: they rank by the fill alone). O(contents).
    /// </summary>
    public GraphFilterPopularityScorer WithNodesOf(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        return new GraphFilterPopularityScorer(_filter, extended.ContentCount);
    }

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        if (scores.Length != _fill.Length)
            throw new ArgumentException($"scores has length {scores.Length}, expected {_fill.Length}", nameof(scores));
        var known = scores[.._filter.ColumnCount];
        if (user < _filter.RowCount) _filter.Score(user, known);
        else known.Clear();
        scores[_filter.ColumnCount..].Clear();
        for (var c = 0; c < scores.Length; c++)
            if (!(scores[c] > 0f)) scores[c] = _fill[c];
    }
}
