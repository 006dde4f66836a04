using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Live;
using GraphAttn.Server.Live;
using GraphAttn.Server.Loading;
using GraphAttn.Server.Options;
using GraphAttn.Server.Security;
using GraphAttn.Server.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Services;

/// <summary>
/// graphattn.v1.EventService: interactions, follows, new users and content. Each call is made durable before it is
/// acknowledged (<see cref="EventIngest"/>); users and content an event names must exist (NOT_FOUND otherwise).
/// </summary>
[Authorize(Policy = Scopes.Events)]
public sealed class EventGrpcService(ServingStateHolder holder, EventIngest ingest, IOptions<GraphAttnOptions> options, TimeProvider clock)
    : EventService.EventServiceBase
{
    private const int MaxTopics = 32;
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    private readonly LimitOptions _limits = options.Value.Limits;

    /// <inheritdoc />
    public override async Task<RecordEventResponse> RecordInteraction(RecordInteractionRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var at = RequestValidator.TimeOf(request.Timestamp, now);
        new RequestValidator(_limits).Id("user_id", request.UserId).Id("content_id", request.ContentId)
            .Check(request.Kind != InteractionKind.Unspecified && Enum.IsDefined(request.Kind), "kind", "must be VIEW, LIKE, COMMENT, SHARE or PLAY")
            .Timestamp("timestamp", at)
            .Check(at is null || at <= now + FutureTolerance, "timestamp", "must not be more than 5 minutes in the future")
            .OptionalId("event_id", request.EventId)
            .ThrowIfInvalid();
        var g = holder.RequireServed().Graph;
        Lookup.User(g, request.UserId);
        Lookup.Content(g, request.ContentId);
        // Kept with kind and time: the model refreshes this user's history view from it on the next request.
        return await RecordAsync(new GraphEvent
        {
            EventId = EventId(request.EventId),
            Kind = GraphEventKind.Interaction,
            UserId = request.UserId,
            TargetId = request.ContentId,
            Interaction = ToGraph(request.Kind),
            TimestampMs = at!.Value.ToUnixTimeMilliseconds(),
        }, context);
    }

    /// <inheritdoc />
    public override Task<RecordEventResponse> RecordFollow(RecordFollowRequest request, ServerCallContext context) =>
        Follow(request, GraphEventKind.Follow, context);

    /// <inheritdoc />
    public override Task<RecordEventResponse> RecordUnfollow(RecordFollowRequest request, ServerCallContext context) =>
        Follow(request, GraphEventKind.Unfollow, context);

    /// <inheritdoc />
    public override async Task<RecordEventResponse> UpsertUser(UpsertUserRequest request, ServerCallContext context)
    {
        new RequestValidator(_limits).Id("user_id", request.UserId).OptionalId("event_id", request.EventId)
            .Check(request.Name.Length <= 1024, "name", "must be at most 1024 characters")
            .ThrowIfInvalid();
        holder.RequireServed();
        return await RecordAsync(new GraphEvent
        {
            EventId = EventId(request.EventId),
            Kind = GraphEventKind.User,
            UserId = request.UserId,
            Name = request.Name,
            TimestampMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, context);
    }

    /// <inheritdoc />
    public override async Task<RecordEventResponse> UpsertContent(UpsertContentRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator(_limits).Id("content_id", request.ContentId).OptionalId("author_id", request.AuthorId)
            .OptionalId("event_id", request.EventId)
            .Check(request.Title.Length <= 1024, "title", "must be at most 1024 characters")
            .Check(request.TopicIds.Count <= MaxTopics, "topic_ids", $"must hold at most {MaxTopics} topics");
        foreach (var topic in request.TopicIds) validator.Id("topic_ids", topic);
        validator.ThrowIfInvalid();
        var g = holder.RequireServed().Graph;
        if (request.AuthorId.Length > 0) Lookup.User(g, request.AuthorId);
        return await RecordAsync(new GraphEvent
        {
            EventId = EventId(request.EventId),
            Kind = GraphEventKind.Content,
            TargetId = request.ContentId,
            UserId = request.AuthorId,
            Name = request.Title,
            Topics = [.. request.TopicIds],
            TimestampMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, context);
    }

    private async Task<RecordEventResponse> Follow(RecordFollowRequest request, GraphEventKind kind, ServerCallContext context)
    {
        new RequestValidator(_limits).Id("follower_id", request.FollowerId).Id("followee_id", request.FolloweeId)
            .Check(request.FollowerId != request.FolloweeId || request.FollowerId.Length == 0, "followee_id", "must differ from follower_id")
            .OptionalId("event_id", request.EventId)
            .ThrowIfInvalid();
        var served = holder.RequireServed();
        var follower = Lookup.User(served.Graph, request.FollowerId);
        var followee = Lookup.User(served.Graph, request.FolloweeId);
        return await RecordAsync(new GraphEvent
        {
            EventId = EventId(request.EventId),
            Kind = kind,
            UserId = request.FollowerId,
            TargetId = request.FolloweeId,
            TimestampMs = served.Live.NextEditTime(follower, followee, clock.GetUtcNow().ToUnixTimeMilliseconds()),
        }, context);
    }

    private async Task<RecordEventResponse> RecordAsync(GraphEvent e, ServerCallContext context)
    {
        var (changed, served) = await ingest.RecordAsync(e, context.CancellationToken);
        return new RecordEventResponse { Changed = changed, Provenance = served.State.Provenance, EventId = e.EventId };
    }

    // A client's id makes retries idempotent; without one, a fresh id (unique across replicas) still identifies the event.
    private static string EventId(string requested) => requested.Length > 0 ? requested : Guid.CreateVersion7().ToString("N");

    private static GraphAttn.Graph.InteractionKind ToGraph(InteractionKind kind) => kind switch
    {
        InteractionKind.Like => GraphAttn.Graph.InteractionKind.Like,
        InteractionKind.Comment => GraphAttn.Graph.InteractionKind.Comment,
        InteractionKind.Share => GraphAttn.Graph.InteractionKind.Share,
        InteractionKind.Play => GraphAttn.Graph.InteractionKind.Play,
        _ => GraphAttn.Graph.InteractionKind.View,
    };
}
