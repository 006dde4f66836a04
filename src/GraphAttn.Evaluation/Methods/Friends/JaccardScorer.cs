using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Methods.Friends;

/// <summary>
/// Friend baseline: Jaccard coefficient of neighbourhoods in the undirected follow graph,
/// <c>score(u, v) = |N(u) ∩ N(v)| / |N(u) ∪ N(v)|</c> (0 when both are empty).
/// </summary>
public sealed class JaccardScorer(Csr friends) : IFriendScorer
{
    /// <inheritdoc />
    public string Name => "jaccard";

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores)
    {
        TwoHop.Count(friends, user, scores);
        var du = friends.Degree(user);
        for (var v = 0; v < scores.Length; v++)
        {
            var common = scores[v];
            if (common > 0) scores[v] = common / (du + friends.Degree(v) - common);
        }
    }
}
