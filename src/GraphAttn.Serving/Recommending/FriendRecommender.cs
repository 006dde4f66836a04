using System.Buffers;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>A ranked follow candidate with the number of ties they share with the requester.</summary>
public sealed record FriendPick(int User, float Score, int MutualFriends, IReadOnlyList<Reason> Reasons);

/// <summary>
/// Ranks follow candidates with the state's <see cref="IFriendScorer"/>, never returning the user or anyone they
/// follow (graph follows plus live follows, minus live unfollows). Candidates scoring 0 (unreachable) are dropped.
/// </summary>
public static class FriendRecommender
{
    /// <summary>The best <paramref name="limit"/> candidates, best first.</summary>
    public static IReadOnlyList<FriendPick> Recommend(ServingState state, int user, int limit, bool explain,
        UserOverlay overlay, CancellationToken ct)
    {
        var g = state.Graph;
        var following = FollowingOf(g, user, overlay);
        // Adamic-Adar is positive only two hops away: walk there instead of scoring, clearing and scanning every user;
        // the walk counts the picks' mutual friends too.
        int[]? mutual = null;
        List<int>[]? mutualFriends = null;
        var top = state.FriendScorer is AdamicAdarScorer adamicAdar
            ? AdamicAdarTopK.Top(adamicAdar.Friends, user, limit, following.Contains, out mutual, explain, out mutualFriends)
            : TopOfFullRow(state, user, limit, following, ct);
        var picks = new FriendPick[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var s = top[i];
            picks[i] = new FriendPick(s.Index, s.Score,
                mutual?[i] ?? SortedIntersection.Count(state.Friends.Neighbors(user), state.Friends.Neighbors(s.Index)),
                !explain ? []
                : mutualFriends is { Length: > 0 } ? FriendReasons.Explain(state, mutualFriends[i])
                : FriendReasons.Explain(state, user, s.Index));
        }
        return picks;
    }

    /// <summary>
    /// The reference ranking: the scorer's full row, then top-k over every user. Equal to <see cref="TopTwoHop"/> for
    /// Adamic-Adar (the tests check it), and the path for any other scorer.
    /// </summary>
    internal static ScoredIndex[] TopOfFullRow(ServingState state, int user, int limit, IReadOnlySet<int> following, CancellationToken ct)
    {
        var n = state.Graph.UserCount;
        var scores = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var span = scores.AsSpan(0, n);
            state.FriendScorer.ScoreUsers(user, span);
            ct.ThrowIfCancellationRequested();
            // The user and whom they follow now are marked in the score row: no per-request set is built.
            foreach (var v in following) span[v] = TopK.Excluded;
            span[user] = TopK.Excluded;
            return TopK.Select(span, limit, v => scores[v] <= 0);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Top-k by Adamic-Adar over the users a two-hop walk reaches (everyone else scores 0 and is dropped).</summary>
    internal static ScoredIndex[] TopTwoHop(Csr friends, int user, int limit, IReadOnlySet<int> following) =>
        AdamicAdarTopK.Top(friends, user, limit, following.Contains);

    /// <summary>
    /// Users <paramref name="user"/> follows now: graph follows with the overlay's latest follows and unfollows over
    /// them, read in place (<see cref="FollowingNow"/>).
    /// </summary>
    public static FollowingNow FollowingOf(SocialGraph g, int user, UserOverlay overlay) => new(g, user, overlay);
}
