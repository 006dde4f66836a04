using GraphAttn.Contracts.V1;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// Content and follow recommendations ranked by the model: top-k retrieval with the user's vector over the snapshot's
/// indexes (exact or HNSW by size; for friends with a structural weight, rescored with it), the same filters as the
/// baselines, and reasons from attention weights.
/// </summary>
public static class ModelRecommender
{
    /// <summary>
    /// The best <see cref="ContentQuery.Limit"/> contents for <paramref name="user"/>, best first, by the model's content
    /// score: vector · content, plus γ · GF(u, c) over <paramref name="state"/>'s graph filter when the snapshot's γ is
    /// above 0 (<see cref="ContentFilterRescoring"/>).
    /// </summary>
    public static IReadOnlyList<Pick> Content(ServingState state, ModelView view, ModelUser model, int user, ContentQuery query, UserOverlay overlay)
    {
        var excluded = query.IncludeSeen ? null : ContentRecommender.SeenBy(view.Graph, user, overlay);
        var gamma = view.Snapshot.Embeddings.Header.ContentFilterWeight;
        IReadOnlyList<ScoredIndex> top = gamma > 0f && state.ContentFilter is { } filter
            ? ContentFilterRescoring.Top(view, filter, gamma, model.Vector, user, query.Limit, excluded, query.Topic)
            : view.Retriever.TopContentFor(model.Vector, query.Limit, excluded, query.Topic);
        return top.Select(s => new Pick(s.Index, s.Score,
            query.Explain ? view.Reasons.ExplainContent(model.Attention, s.Index) : [])).ToList();
    }

    /// <summary>
    /// The best <paramref name="limit"/> users for <paramref name="user"/> to follow: never self or whom they follow now.
    /// Ranked by the model's friend score: friend_u · friend_v, plus β · AA(u, v) over <paramref name="state"/>'s friend
    /// graph when the snapshot's β is above 0, whatever vector stands for the user (snapshot row, online or neighbour
    /// average). <see cref="FriendPick.Score"/> is that combined score.
    /// </summary>
    public static IReadOnlyList<FriendPick> Friends(ServingState state, ModelView view, ModelUser model, int user, int limit,
        bool explain, UserOverlay overlay)
    {
        var excluded = new FollowingNow(view.Graph, user, overlay, includeSelf: true);
        var structure = SnapshotFriendStructure.For(view.Snapshot.Embeddings, state.Friends); // null when β = 0: embeddings only
        IReadOnlyList<ScoredIndex> top = view.Retriever.TopFriendsFor(model.FriendVector, user, limit, excluded, structure);
        return top.Select(s => new FriendPick(s.Index, s.Score,
            SortedIntersection.Count(state.Friends.Neighbors(user), state.Friends.Neighbors(s.Index)),
            explain ? FriendReasonsFor(state, view, model, user, s.Index, structure is not null) : [])).ToList();
    }

    /// <summary>
    /// Attention reasons first (attended friends who follow the candidate, else similar interests). When the score
    /// carries the structural term and attention named no mutual friend, the shared friends that term counted are a
    /// reason of their own, weighted as Adamic-Adar weighs them: without it a candidate lifted by seven shared friends
    /// would be explained only by "similar interests".
    /// </summary>
    private static IReadOnlyList<Reason> FriendReasonsFor(ServingState state, ModelView view, ModelUser model, int user,
        int candidate, bool structural)
    {
        var reasons = view.Reasons.ExplainFriend(model.Attention, model.Vector, candidate);
        if (!structural || reasons.Any(r => r.Kind == ReasonKind.MutualFriends)) return reasons;
        var shared = FriendReasons.Explain(state, user, candidate);
        return shared.Count == 0 ? reasons : [.. shared, .. reasons];
    }
}
