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
        var following = FollowingOf(g, user, overlay);
        var scores = ArrayPool<float>.Shared.Rent(g.UserCount);
        try
        {
            var span = scores.AsSpan(0, g.UserCount);
            state.FriendScorer.ScoreUsers(user, span);
            ct.ThrowIfCancellationRequested();
            var top = TopK.Select(span, limit, v => v == user || following.Contains(v) || scores[v] <= 0);
            return top.Select(s => new FriendPick(s.Index, s.Score,
                Neighbourhood.CountCommon(state.Friends.Neighbors(user), state.Friends.Neighbors(s.Index)),
                explain ? FriendReasons.Explain(state, user, s.Index) : [])).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Users <paramref name="user"/> follows now: graph follows, plus live follows, minus live unfollows.</summary>
    public static HashSet<int> FollowingOf(SocialGraph g, int user, UserOverlay overlay)
    {
        var following = new HashSet<int>(g.Following.Neighbors(user).ToArray());
        foreach (var id in overlay.Followed)
            if (g.Users.TryGetIndex(id, out var v)) following.Add(v);
        foreach (var id in overlay.Unfollowed)
            if (!overlay.Followed.Contains(id) && g.Users.TryGetIndex(id, out var v)) following.Remove(v);
        return following;
    }
}
