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
        var count = mutualFriends.Count;
        if (count == 0) return [];
        var g = state.Graph;
        var weights = new float[count];
        var total = 0f;
        for (var i = 0; i < count; i++)
        {
            weights[i] = 1f / MathF.Log(Math.Max(2, state.Friends.Degree(mutualFriends[i])));
            total += weights[i];
        }

        // Only the heaviest few are shown (the friends of fewest ties; ties to the lower index): picked one by one
        // rather than sorting every mutual friend of every pick.
        var shown = Math.Min(count, Math.Max(Names.Shown, MaxEvidence));
        var order = new int[shown];
        var taken = new bool[count];
        for (var s = 0; s < shown; s++)
        {
            var best = -1;
            for (var i = 0; i < count; i++)
            {
                if (taken[i]) continue;
                if (best < 0 || weights[i] > weights[best] || (weights[i] == weights[best] && mutualFriends[i] < mutualFriends[best])) best = i;
            }
            taken[best] = true;
            order[s] = best;
        }

        var names = new string[Math.Min(count, Names.Shown)];
        for (var s = 0; s < names.Length; s++) names[s] = Names.User(g, mutualFriends[order[s]]);
        var reason = new Reason
        {
            Kind = ReasonKind.MutualFriends,
            Text = $"You share {count} friend{(count == 1 ? "" : "s")}: {Names.Join(names, count)}",
        };
        for (var s = 0; s < Math.Min(count, MaxEvidence); s++)
            reason.Evidence.Add(Reasons.User(g, mutualFriends[order[s]], weights[order[s]] / total));
        return [reason];
    }
}
