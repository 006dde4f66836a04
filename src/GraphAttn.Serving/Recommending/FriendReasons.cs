using GraphAttn.Contracts.V1;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>Baseline explanation for a follow candidate: the mutual friends, weighted as Adamic-Adar weighs them.</summary>
public static class FriendReasons
{
    private const int MaxEvidence = 5;

    /// <summary>Reasons why <paramref name="candidate"/> suits <paramref name="user"/>.</summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, int user, int candidate) =>
        Explain(state, SortedIntersection.Common(state.Friends.Neighbors(user), state.Friends.Neighbors(candidate)));

    /// <summary>Reasons from the mutual friends already found, ascending (the friend walk lists them on its way).</summary>
    public static IReadOnlyList<Reason> Explain(ServingState state, IReadOnlyList<int> mutualFriends)
    {
        if (mutualFriends.Count == 0) return [];
        var g = state.Graph;
        var ranked = new (float Weight, int User)[mutualFriends.Count];
        var total = 0f;
        for (var i = 0; i < ranked.Length; i++)
        {
            var w = mutualFriends[i];
            ranked[i] = (1f / MathF.Log(Math.Max(2, state.Friends.Degree(w))), w);
            total += ranked[i].Weight;
        }
        // Heaviest first (the friend of fewest ties), then by index.
        Array.Sort(ranked, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.User.CompareTo(b.User));
        var named = ranked.Take(Names.Shown).Select(m => Names.User(g, m.User)).ToList();
        var text = $"You share {ranked.Length} friend{(ranked.Length == 1 ? "" : "s")}: " + Names.Join(named, ranked.Length);
        return [Reasons.Make(ReasonKind.MutualFriends, text, ranked.Take(MaxEvidence).Select(m => Reasons.User(g, m.User, m.Weight / total)))];
    }
}
