using Google.Rpc;
using GraphAttn.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GraphAttn.Server.Security;

/// <summary>
/// For gRPC calls, a refused authorization becomes UNAUTHENTICATED (no or rejected credentials) or PERMISSION_DENIED
/// (the caller lacks the scope) with a message saying what is needed. HTTP requests (JSON transcoding) get ASP.NET
/// Core's 401 and 403.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    /// <inheritdoc />
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!GrpcStatusResponse.IsGrpc(context.Request) || authorizeResult.Succeeded)
            return _http.HandleAsync(next, context, policy, authorizeResult);

        if (authorizeResult.Challenged)
        {
            var rejected = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure is not null;
            return GrpcStatusResponse.WriteAsync(context, GrpcStatusResponse.Of(Code.Unauthenticated, rejected
                ? "The credentials were rejected."
                : "Credentials required: a bearer token (authorization: Bearer ...) or an API key."));
        }

        var needed = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return GrpcStatusResponse.WriteAsync(context, GrpcStatusResponse.Of(Code.PermissionDenied,
            needed is null ? "The caller may not make this call." : $"This call needs scope '{needed}'."));
    }
}
