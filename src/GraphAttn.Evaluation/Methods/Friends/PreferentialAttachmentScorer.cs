using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Methods.Friends;

/// <summary>
/// Friend baseline: preferential attachment, <c>score(u, v) = |N(u)|·|N(v)|</c> in the undirected follow graph:
/// well-connected users attract new ties. Ranks the same candidates for every user (by degree).
/// </summary>
public sealed class PreferentialAttachmentScorer(Csr friends) : IFriendScorer
{
    /// <inheritdoc />
    public string Name => "preferential-attachment";

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores)
    {
        // Scaled by |N(u)| + 1 so a user with no friends still gets the degree ranking rather than all zeros.
        var du = friends.Degree(user) + 1f;
        for (var v = 0; v < scores.Length; v++) scores[v] = du * friends.Degree(v);
    }
}
