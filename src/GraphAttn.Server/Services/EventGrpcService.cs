using GraphAttn.Contracts.V1;
using GraphAttn.Server.Loading;
using GraphAttn.Server.Options;
using GraphAttn.Server.Security;
using GraphAttn.Server.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Services;

/// <summary>graphattn.v1.EventService: live interactions and follows, overlaid on the served graph.</summary>
[Authorize(Policy = Scopes.Events)]
public sealed class EventGrpcService(ServingStateHolder holder, IOptions<GraphAttnOptions> options, TimeProvider clock)
    : EventService.EventServiceBase
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    private readonly LimitOptions _limits = options.Value.Limits;

    /// <inheritdoc />
    public override Task<RecordEventResponse> RecordInteraction(RecordInteractionRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var at = RequestValidator.TimeOf(request.Timestamp, now);
        new RequestValidator(_limits).Id("user_id", request.UserId).Id("content_id", request.ContentId)
            .Check(request.Kind != InteractionKind.Unspecified && Enum.IsDefined(request.Kind), "kind", "must be VIEW, LIKE, COMMENT, SHARE or PLAY")
            .Timestamp("timestamp", at)
            .Check(at is null || at <= now + FutureTolerance, "timestamp", "must not be more than 5 minutes in the future")
            .ThrowIfInvalid();
        var state = holder.Require();
        Lookup.User(state.Graph, request.UserId);
        Lookup.Content(state.Graph, request.ContentId);
        // Kept in order with kind and time: the model refreshes this user's history view from it on the next request.
        var changed = holder.Events.RecordInteraction(request.UserId, request.ContentId, ToGraph(request.Kind), at!.Value.ToUnixTimeMilliseconds());
        return Task.FromResult(new RecordEventResponse { Changed = changed, Provenance = state.Provenance });
    }

    /// <inheritdoc />
    public override Task<RecordEventResponse> RecordFollow(RecordFollowRequest request, ServerCallContext context) =>
        Task.FromResult(Follow(request, follow: true));

    /// <inheritdoc />
    public override Task<RecordEventResponse> RecordUnfollow(RecordFollowRequest request, ServerCallContext context) =>
        Task.FromResult(Follow(request, follow: false));

    private static GraphAttn.Graph.InteractionKind ToGraph(InteractionKind kind) => kind switch
    {
        InteractionKind.Like => GraphAttn.Graph.InteractionKind.Like,
        InteractionKind.Comment => GraphAttn.Graph.InteractionKind.Comment,
        InteractionKind.Share => GraphAttn.Graph.InteractionKind.Share,
        InteractionKind.Play => GraphAttn.Graph.InteractionKind.Play,
        _ => GraphAttn.Graph.InteractionKind.View,
    };

    private RecordEventResponse Follow(RecordFollowRequest request, bool follow)
    {
        new RequestValidator(_limits).Id("follower_id", request.FollowerId).Id("followee_id", request.FolloweeId)
            .Check(request.FollowerId != request.FolloweeId || request.FollowerId.Length == 0, "followee_id", "must differ from follower_id")
            .ThrowIfInvalid();
        var state = holder.Require();
        var g = state.Graph;
        var follower = Lookup.User(g, request.FollowerId);
        var followee = Lookup.User(g, request.FolloweeId);
        var changed = holder.Events.RecordFollow(request.FollowerId, request.FolloweeId, follow, g.Following.Contains(follower, followee));
        return new RecordEventResponse { Changed = changed, Provenance = state.Provenance };
    }
}
