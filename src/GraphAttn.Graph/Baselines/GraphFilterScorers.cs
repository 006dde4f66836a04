namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Content baseline: the <see cref="GraphFilter"/> of the user × content interaction matrix (distinct pairs),
/// scores r_u R̃ᵀR̃ (+ α low-pass) over every content. Training-free; cheap enough to answer cold, and strong on sparse
/// graphs (GF-CF matches or beats trained LightGCN on its benchmarks).
/// </summary>
public sealed class GraphFilterContentScorer(SocialGraph graph, GraphFilterOptions? options = null) : IContentScorer
{
    private readonly GraphFilter filter = new(UserContents(graph), graph.ContentCount, options);

    /// <inheritdoc />
    public string Name => "graph-filter";

    /// <summary>The filter (for blending its scores into a model's).</summary>
    public GraphFilter Filter => filter;

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores) => filter.Score(user, scores);

    /// <summary>user → distinct contents interacted with, as CSR.</summary>
    public static Csr UserContents(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var log = graph.Interactions;
        var users = new int[log.Count];
        for (var u = 0; u < graph.UserCount; u++) users.AsSpan(log.Range(u)).Fill(u);
        return Csr.FromEdges(graph.UserCount, users, log.Content);
    }
}

/// <summary>
/// Friend baseline: the <see cref="GraphFilter"/> of the undirected friendship matrix A (users × users), scores
/// a_u ÃᵀÃ (+ α low-pass): friends of friends of friends, each path weighted down by the degrees it passes.
/// </summary>
public sealed class GraphFilterFriendScorer(Csr friends, GraphFilterOptions? options = null) : IFriendScorer
{
    private readonly GraphFilter filter = new(friends, friends.NodeCount, options);

    /// <inheritdoc />
    public string Name => "graph-filter";

    /// <summary>The filter (for blending its scores into a model's).</summary>
    public GraphFilter Filter => filter;

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores) => filter.Score(user, scores);
}
