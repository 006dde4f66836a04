namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Friend baseline: Adamic-Adar over friends-of-friends in the undirected follow graph,
/// <c>score(u, v) = Σ_{w ∈ N(u) ∩ N(v)} 1 / ln(|N(w)|)</c>: shared friends count, and shared friends with few ties
/// count more. Users not reachable in two hops score 0.
/// </summary>
public sealed class AdamicAdarScorer(SocialGraph graph, Csr? undirected = null) : IFriendScorer
{
    private readonly Csr _friends = undirected ?? Neighbourhood.Undirected(graph);

    /// <inheritdoc />
    public string Name => "adamic-adar";

    /// <summary>The undirected neighbourhood this scorer walks (shared with mutual-friend counts).</summary>
    public Csr Friends => _friends;

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores) => AdamicAdar.Row(_friends, user, scores);
}
