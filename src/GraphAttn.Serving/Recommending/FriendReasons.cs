using GraphAttn.Contracts.V1;
using GraphAttn.Ranking;
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
        var count = mutualFriends.Count;
        if (count == 0) return [];
        var g = state.Graph;
        // Only the heaviest few are shown (the friends of fewest ties; ties to the lower index): a top k of them rather
        // than sorting every mutual friend of every pick.
        var best = new TopKHeap(Math.Max(Names.Shown, MaxEvidence));
        var total = 0f;
        foreach (var w in mutualFriends)
        {
            var weight = 1f / MathF.Log(Math.Max(2, state.Friends.Degree(w)));
            total += weight;
            best.Add(weight, w);
        }
        var shown = best.DrainBestFirst();
        var names = shown.Take(Names.Shown).Select(m => Names.User(g, m.Index)).ToList();
        var reason = new Reason
        {
            Kind = ReasonKind.MutualFriends,
            Text = $"You share {count} friend{(count == 1 ? "" : "s")}: {Names.Join(names, count)}",
        };
        foreach (var m in shown.Take(MaxEvidence)) reason.Evidence.Add(Reasons.User(g, m.Index, m.Score / total));
        return [reason];
    }
}
