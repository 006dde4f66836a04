using System.Buffers;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
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
        var scores = ArrayPool<float>.Shared.Rent(g.UserCount);
        try
        {
            var span = scores.AsSpan(0, g.UserCount);
            state.FriendScorer.ScoreUsers(user, span);
            ct.ThrowIfCancellationRequested();
            // The user and whom they follow now are marked in the score row: no per-request set is built.
            foreach (var v in g.Following.Neighbors(user))
                if (!overlay.TryGetFollowEdit(v, out var edit) || edit.Follows) span[v] = TopK.Excluded;
            foreach (var edit in overlay.FollowEdits)
                if (edit.Follows) span[edit.Target] = TopK.Excluded;
            span[user] = TopK.Excluded;
            var top = TopK.Select(span, limit, v => scores[v] <= 0);
            return top.Select(s => new FriendPick(s.Index, s.Score,
                Neighbourhood.CountCommon(state.Friends.Neighbors(user), state.Friends.Neighbors(s.Index)),
                explain ? FriendReasons.Explain(state, user, s.Index) : [])).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>
    /// Users <paramref name="user"/> follows now: graph follows with the overlay's latest follows and unfollows over
    /// them, read in place (<see cref="FollowingNow"/>).
    /// </summary>
    public static FollowingNow FollowingOf(SocialGraph g, int user, UserOverlay overlay) => new(g, user, overlay);
}
