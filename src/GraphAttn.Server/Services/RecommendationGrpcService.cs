using GraphAttn.Contracts.V1;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using GraphAttn.Server.Security;
using GraphAttn.Server.Validation;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.ModelAnswers;
using GraphAttn.Serving.Recommending;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Services;

/// <summary>
/// graphattn.v1.RecommendationService: content and friend recommendations, ranked by the served model snapshot when
/// one is live and the user has a vector (snapshot row or online embedding), by the baselines otherwise.
/// </summary>
[Authorize(Policy = Scopes.Recommend)]
public sealed class RecommendationGrpcService(ServingStateHolder holder, ModelServing models, IOptions<GraphAttnOptions> options)
    : RecommendationService.RecommendationServiceBase
{
    private readonly LimitOptions _limits = options.Value.Limits;

    /// <inheritdoc />
    public override Task<RecommendContentResponse> RecommendContent(RecommendContentRequest request, ServerCallContext context)
    {
        new RequestValidator(_limits).Id("user_id", request.UserId).Limit("limit", request.Limit)
            .OptionalId("topic_id", request.TopicId).ThrowIfInvalid();
        var served = holder.RequireServed();
        var state = served.State;
        var g = state.Graph;
        var user = Lookup.User(g, request.UserId);
        int? topic = request.TopicId.Length == 0 ? null : Lookup.Topic(g, request.TopicId);

        var query = new ContentQuery(request.Limit, request.IncludeSeen, topic, request.Explain);
        var overlay = UserOverlay.Of(served.Live, user);
        using var view = models.Open(g);
        var model = view?.Resolve(user, overlay);
        var picks = model is not null
            ? ModelRecommender.Content(served.State, view!, model, user, query, overlay)
            : ContentRecommender.Recommend(state, user, query, overlay, context.CancellationToken);
        var response = new RecommendContentResponse { Provenance = model is not null ? view!.Provenance : state.Provenance };
        foreach (var p in picks)
        {
            var item = new RecommendedContent { ContentId = g.Contents[p.Index], Title = g.ContentTitles[p.Index], Score = p.Score };
            foreach (var t in g.ContentTopics.Neighbors(p.Index)) item.TopicIds.Add(g.Topics[t]);
            item.Reasons.AddRange(p.Reasons);
            response.Items.Add(item);
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<RecommendFriendsResponse> RecommendFriends(RecommendFriendsRequest request, ServerCallContext context)
    {
        new RequestValidator(_limits).Id("user_id", request.UserId).Limit("limit", request.Limit).ThrowIfInvalid();
        var served = holder.RequireServed();
        var state = served.State;
        var g = state.Graph;
        var user = Lookup.User(g, request.UserId);

        var overlay = UserOverlay.Of(served.Live, user);
        using var view = models.Open(g);
        var model = view?.Resolve(user, overlay);
        var picks = model is not null
            ? ModelRecommender.Friends(state, view!, model, user, request.Limit, request.Explain, overlay)
            : FriendRecommender.Recommend(state, user, request.Limit, request.Explain, overlay, context.CancellationToken);
        var response = new RecommendFriendsResponse { Provenance = model is not null ? view!.Provenance : state.Provenance };
        foreach (var p in picks)
        {
            var item = new RecommendedUser
            {
                UserId = g.Users[p.User],
                Name = g.UserNames[p.User],
                Score = p.Score,
                MutualFriendCount = p.MutualFriends,
            };
            item.Reasons.AddRange(p.Reasons);
            response.Users.Add(item);
        }
        return Task.FromResult(response);
    }
}
