using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Methods.Friends;

/// <summary>Shared two-hop walk of the neighbourhood scorers.</summary>
internal static class TwoHop
{
    /// <summary>Writes |N(user) ∩ N(v)| for every v into <paramref name="scores"/>.</summary>
    public static void Count(Csr friends, int user, Span<float> scores)
    {
        scores.Clear();
        foreach (var w in friends.Neighbors(user))
            foreach (var v in friends.Neighbors(w)) scores[v] += 1f;
    }
}
