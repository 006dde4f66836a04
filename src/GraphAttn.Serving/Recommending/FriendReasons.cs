using GraphAttn.Contracts.V1;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>Baseline explanation for a follow candidate: the mutual friends, weighted as Adamic-Adar weighs them.</summary>
public static class FriendReasons
{
    /// <summary>Reasons why <paramref name="candidate"/> suits <paramref name="user"/>.</summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, int user, int candidate)
    {
        var g = state.Graph;
        var mutual = new List<(int User, float Weight)>();
        var theirs = state.Friends.Neighbors(candidate);
        foreach (var w in state.Friends.Neighbors(user))
            if (theirs.BinarySearch(w) >= 0)
                mutual.Add((w, 1f / MathF.Log(Math.Max(2, state.Friends.Degree(w)))));
        if (mutual.Count == 0) return [];
        var total = mutual.Sum(m => m.Weight);
        var ranked = mutual.OrderByDescending(m => m.Weight).ThenBy(m => m.User).ToList();
        var text = $"You share {ranked.Count} friend{(ranked.Count == 1 ? "" : "s")}: " +
                   Names.Join(ranked.Select(m => Names.User(g, m.User)).ToList());
        return [Reasons.Make(ReasonKind.MutualFriends, text, ranked.Take(5).Select(m => Reasons.User(g, m.User, m.Weight / total)))];
    }
}
