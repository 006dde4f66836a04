using GraphAttn.Graph;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.Recommending;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Modeled;

/// <summary>
/// Content and follow recommendations ranked by the model: top-k retrieval with the user's vector over the snapshot's
/// indexes (exact or HNSW by size), the same filters as the baselines, and reasons from attention weights.
/// </summary>
public static class ModelRecommender
{
    /// <summary>The best <see cref="ContentQuery.Limit"/> contents for <paramref name="user"/>, best first.</summary>
    public static IReadOnlyList<Pick> Content(ModelView view, ModelUser model, int user, ContentQuery query, UserOverlay overlay)
    {
        var excluded = query.IncludeSeen ? null : ContentRecommender.SeenBy(view.Graph, user, overlay);
        IReadOnlyList<ScoredItem> top = view.Retriever.TopContentFor(model.Vector, query.Limit, excluded, query.Topic);
        return top.Select(s => new Pick(s.Index, s.Score,
            query.Explain ? view.Reasons.ExplainContent(model.Attention, s.Index) : [])).ToList();
    }

    /// <summary>The best <paramref name="limit"/> users for <paramref name="user"/> to follow: never self or whom they follow now.</summary>
    public static IReadOnlyList<FriendPick> Friends(ServingState state, ModelView view, ModelUser model, int user, int limit,
        bool explain, UserOverlay overlay)
    {
        var excluded = FriendRecommender.FollowingOf(view.Graph, user, overlay);
        excluded.Add(user);
        IReadOnlyList<ScoredItem> top = view.Retriever.TopFriendsFor(model.FriendVector, limit, excluded);
        return top.Select(s => new FriendPick(s.Index, s.Score,
            Neighbourhood.CountCommon(state.Friends.Neighbors(user), state.Friends.Neighbors(s.Index)),
            explain ? view.Reasons.ExplainFriend(model.Attention, model.Vector, s.Index) : [])).ToList();
    }
}
