using GraphAttn.Contracts.V1;
using GraphAttn.Serving.Profiles;
using GraphAttn.Server.Loading;
using GraphAttn.Server.Options;
using GraphAttn.Server.Validation;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Services;

/// <summary>graphattn.v1.ProfileService: user profiles.</summary>
public sealed class ProfileGrpcService(ServingStateHolder holder, IOptions<GraphAttnOptions> options)
    : ProfileService.ProfileServiceBase
{
    /// <inheritdoc />
    public override Task<GetUserProfileResponse> GetUserProfile(GetUserProfileRequest request, ServerCallContext context)
    {
        new RequestValidator(options.Value.Limits).Id("user_id", request.UserId).ThrowIfInvalid();
        var state = holder.Require();
        var user = Lookup.User(state.Graph, request.UserId);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ProfileBuilder.Build(state, user));
    }
}
