using GraphAttn.Contracts.V1;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using GraphAttn.Server.Security;
using GraphAttn.Server.Validation;
using GraphAttn.Serving.ModelAnswers;
using GraphAttn.Serving.Profiles;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Services;

/// <summary>
/// graphattn.v1.ProfileService: user profiles. With a live model, interests and influential friends come from what
/// the user's embedding attended to; community and activity always come from the graph.
/// </summary>
[Authorize(Policy = Scopes.Recommend)]
public sealed class ProfileGrpcService(ServingStateHolder holder, ModelServing models, IOptions<GraphAttnOptions> options)
    : ProfileService.ProfileServiceBase
{
    /// <inheritdoc />
    public override Task<GetUserProfileResponse> GetUserProfile(GetUserProfileRequest request, ServerCallContext context)
    {
        new RequestValidator(options.Value.Limits).Id("user_id", request.UserId).ThrowIfInvalid();
        var state = holder.Require();
        var user = Lookup.User(state.Graph, request.UserId);
        context.CancellationToken.ThrowIfCancellationRequested();
        var profile = ProfileBuilder.Build(state, user);
        using var view = models.Open(state.Graph);
        if (view?.Resolve(user, holder.Events.For(request.UserId)) is { } model) AttentionProfile.Apply(profile, view, model);
        return Task.FromResult(profile);
    }
}
