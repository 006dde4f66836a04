using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Methods.Friends;

/// <summary>
/// Friend baseline: number of common neighbours in the undirected follow graph,
/// <c>score(u, v) = |N(u) ∩ N(v)|</c>, computed by walking two hops from u.
/// </summary>
public sealed class CommonNeighboursScorer(Csr friends) : IFriendScorer
{
    /// <inheritdoc />
    public string Name => "common-neighbours";

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores) => TwoHop.Count(friends, user, scores);
}
