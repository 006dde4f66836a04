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
    public void ScoreUsers(int user, Span<float> scores)
    {
        scores.Clear();
        foreach (var w in _friends.Neighbors(user))
        {
            var degree = _friends.Degree(w);
            if (degree < 2) continue; // w's only tie is u: ln(1) = 0, and w links u to nobody
            var contribution = 1f / MathF.Log(degree);
            foreach (var v in _friends.Neighbors(w)) scores[v] += contribution;
        }
    }
}
