using System.Buffers;

namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The server's content baseline: the training-free <see cref="GraphFilter"/> (GF-CF) of the user × content matrix
/// blended with popularity, score(u, c) = GF(u, c) / max_c GF(u, c) + (λ + ε) · p(c), with p(c) = deg(c) / (max deg + 1)
/// the share of an item's distinct users and ε = 0.001 so that items the filter does not reach still rank by
/// popularity (a user without history gets the popularity order). GF is summed from the filter's item–item rows,
/// computed once per graph (<see cref="TruncatedItemFilter"/>): a request adds up its user's item rows instead of
/// walking through every co-interacting user, whose items it would visit once per user who shares them. Rows keep
/// <see cref="DefaultNeighbors"/> entries, which is exact on the shared datasets; <see cref="MaxEntries"/> bounds
/// memory on large catalogues. λ is fitted on the graph itself (<see cref="PopularityBlendFit"/>): on Last.fm the
/// filter alone wins, on Ciao popularity does, and one fixed choice would lose on the other. It replaced
/// recency-weighted popularity within the user's topics, which ranked below plain popularity on both (figures:
/// tests/GraphAttn.Evaluation.Benchmarks/README.md).
/// </summary>
public sealed class GraphFilterPopularityScorer : IContentScorer
{
    /// <summary>
    /// Item–item entries kept per item by default, within <see cref="MaxEntries"/>: enough that the shared datasets rank
    /// as with the exact filter where the budget allows (figures: tests/GraphAttn.Evaluation.Benchmarks/README.md).
    /// </summary>
    public const int DefaultNeighbors = 1000;

    /// <summary>
    /// At most this many item–item entries in all (8 bytes each: 128 MB). When a graph's rows would hold more, every
    /// item keeps fewer, which bounds memory and per-request work at the cost of the filter's long tail.
    /// </summary>
    public const long MaxEntries = 16_000_000;

    private const float Epsilon = 0.001f;
    private readonly GraphFilter _filter;
    private readonly TruncatedItemFilter _items;
    private readonly float[] _popularity;
    private readonly int[] _popularOrder;

    /// <summary>Prepares the filter over <paramref name="graph"/>'s interactions and fits λ on it (O(Σ_users degree²) plus the fit).</summary>
    public GraphFilterPopularityScorer(SocialGraph graph, int neighbors = DefaultNeighbors)
        : this(graph, PopularityBlendFit.Fit(graph, neighbors), neighbors)
    {
    }

    /// <summary>Prepares the filter over <paramref name="graph"/>'s interactions with a given λ ≥ 0.</summary>
    public GraphFilterPopularityScorer(SocialGraph graph, float popularityWeight, int neighbors = DefaultNeighbors)
        : this(FilterOf(graph), neighbors, graph.ContentCount, popularityWeight)
    {
    }

    private GraphFilterPopularityScorer(GraphFilter filter, int neighbors, int contentCount, float popularityWeight)
        : this(filter, TruncatedItemFilter.Build(filter, neighbors, MaxEntries), contentCount, popularityWeight, filter.EntryCount)
    {
    }

    private GraphFilterPopularityScorer(GraphFilter filter, TruncatedItemFilter items, int contentCount, float popularityWeight,
        long rowsBuiltFrom)
    {
        RowsBuiltFrom = rowsBuiltFrom;
        if (!(popularityWeight >= 0f) || !float.IsFinite(popularityWeight))
            throw new ArgumentOutOfRangeException(nameof(popularityWeight), popularityWeight, "must be a finite non-negative number");
        _filter = filter;
        _items = items;
        _popularity = PopularityShares(filter, contentCount);
        _popularOrder = DescendingOrder(_popularity);
        PopularityWeight = popularityWeight;
    }

    /// <inheritdoc />
    public string Name => "graph-filter+popularity";

    /// <summary>The exact graph filter (its rows and columns are the graph's users and contents when it was built).</summary>
    public GraphFilter Filter => _filter;

    /// <summary>The filter's item–item matrix as ranked here, each item's largest entries.</summary>
    public TruncatedItemFilter Items => _items;

    /// <summary>Item–item entries kept per item.</summary>
    public int Neighbors => _items.Keep;

    /// <summary>λ, the weight of popularity next to the user's normalised filter scores.</summary>
    public float PopularityWeight { get; }

    /// <summary>p(c) per content (0 for contents the filter has no column for).</summary>
    public ReadOnlySpan<float> Popularity => _popularity;

    /// <summary>Every content by p(c) descending, ties to the lower index: the order of items the filter does not reach.</summary>
    public ReadOnlySpan<int> PopularOrder => _popularOrder;

    /// <summary>
    /// The scorer over <paramref name="extended"/>, a graph with this one's edges and more nodes: the filter and λ are
    /// kept (users and contents added since have no interactions in it: they rank by popularity alone). O(contents).
    /// </summary>
    public GraphFilterPopularityScorer WithNodesOf(SocialGraph extended)
    {
        ArgumentNullException.ThrowIfNull(extended);
        return new GraphFilterPopularityScorer(_filter, _items, extended.ContentCount, PopularityWeight, RowsBuiltFrom);
    }

    /// <summary>Distinct user × content pairs of the graph the item–item rows were built from.</summary>
    public long RowsBuiltFrom { get; }

    /// <summary>
    /// The scorer over <paramref name="compacted"/>, this graph with events folded in, λ kept: users' histories and
    /// popularity are the new graph's; the item–item rows, by far the costliest part of a compaction (O(Σ_users
    /// history²)), are rebuilt once the pairs have grown by a tenth since they were built, and kept otherwise (co-occurrence moves slowly; content added since has no row yet and ranks by
    /// popularity and through the rows of its users' other items).
    /// </summary>
    public GraphFilterPopularityScorer Refreshed(SocialGraph compacted)
    {
        ArgumentNullException.ThrowIfNull(compacted);
        var filter = FilterOf(compacted);
        return filter.EntryCount >= RowsBuiltFrom + (RowsBuiltFrom / 10)
            ? new GraphFilterPopularityScorer(filter, _items.Keep, compacted.ContentCount, PopularityWeight)
            : new GraphFilterPopularityScorer(filter, _items, compacted.ContentCount, PopularityWeight, RowsBuiltFrom);
    }

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        if (scores.Length != _popularity.Length)
            throw new ArgumentException($"scores has length {scores.Length}, expected {_popularity.Length}", nameof(scores));
        scores.Clear();
        if (user < _filter.RowCount)
        {
            var touched = ArrayPool<int>.Shared.Rent(scores.Length);
            var count = 0;
            _items.Accumulate(_filter.RowColumns(user), scores, touched, ref count);
            ArrayPool<int>.Shared.Return(touched);
        }
        var scale = InverseMax(scores);
        for (var c = 0; c < scores.Length; c++) scores[c] = Blend(scores[c], scale, _popularity[c], PopularityWeight);
    }

    /// <summary>One item's blended score from its filter score, the user's 1 / max filter score and its popularity share.</summary>
    public static float Blend(float filterScore, float inverseMax, float popularity, float lambda) =>
        (filterScore * inverseMax) + ((lambda + Epsilon) * popularity);

    /// <summary>1 / the largest filter score (0 when the filter reaches nothing).</summary>
    internal static float InverseMax(ReadOnlySpan<float> filterScores)
    {
        var max = 0f;
        foreach (var s in filterScores) max = MathF.Max(max, s);
        return max > 0f ? 1f / max : 0f;
    }

    /// <summary>The filter of <paramref name="graph"/>'s distinct user × content pairs.</summary>
    internal static GraphFilter FilterOf(SocialGraph graph) => new(GraphFilterContentScorer.UserContents(graph), graph.ContentCount);

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

    private static int[] DescendingOrder(float[] shares)
    {
        var order = Enumerable.Range(0, shares.Length).ToArray();
        // Stable on index: ties keep the lower index first, as the dense ranking breaks them.
        Array.Sort(order, (a, b) => shares[a] != shares[b] ? shares[b].CompareTo(shares[a]) : a.CompareTo(b));
        return order;
    }
}
