using GraphAttn.Server.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace GraphAttn.Server.Security;

/// <summary>
/// Authentication and authorization with ASP.NET Core's own machinery: a policy scheme picks the API-key handler
/// when the key header is present and JWT bearer otherwise; each scope is a policy the services name in
/// <c>[Authorize]</c>. With no credential configured every policy admits anyone (the start-up check in
/// <c>GraphAttnOptionsValidator</c> allows that only on loopback or with AllowAnonymous).
/// </summary>
public static class AuthRegistration
{
    private const string SelectorScheme = "GraphAttn";

    /// <summary>Registers the schemes, the scope policies and the gRPC-aware result handler.</summary>
    public static void AddGraphAttnAuth(this IServiceCollection services, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        services.AddSingleton(new ApiKeyRing(auth));
        // AddAuthentication() would also register ASP.NET Core data protection, whose start-up key ring writes key
        // files under $HOME (warnings, and failures on a read-only root file system); nothing here needs it.
        services.AddAuthenticationCore(o => o.DefaultScheme = SelectorScheme);
        services.AddWebEncoders();
        services.TryAddSingleton<IAuthenticationConfigurationProvider, AuthenticationSection>();
        var authentication = new AuthenticationBuilder(services)
            .AddPolicyScheme(SelectorScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                !auth.Jwt.Enabled || context.Request.Headers.ContainsKey(auth.ApiKeyHeader)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (auth.Jwt.Enabled) authentication.AddJwtBearer(o => ConfigureJwt(o, auth.Jwt));

        var policies = services.AddAuthorizationBuilder();
        foreach (var scope in Scopes.All)
            policies.AddPolicy(scope, p =>
            {
                if (auth.Enabled) p.RequireAuthenticatedUser().RequireAssertion(c => Scopes.Holds(c.User, scope));
                else p.RequireAssertion(_ => true);
            });
        policies.AddPolicy(Scopes.AnyCaller, p =>
        {
            if (auth.Enabled) p.RequireAuthenticatedUser();
            else p.RequireAssertion(_ => true);
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
    }

    // The "Authentication" configuration section that scheme handlers read their defaults from.
    private sealed class AuthenticationSection(IConfiguration configuration) : IAuthenticationConfigurationProvider
    {
        public IConfiguration AuthenticationConfiguration { get; } = configuration.GetSection("Authentication");
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions jwt)
    {
        // Claim names stay as the token has them ("scope", "sub"), not remapped to long .NET claim URIs.
        options.MapInboundClaims = false;
        if (jwt.Authority.Length > 0) options.Authority = jwt.Authority;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateIssuer = jwt.Issuer.Length > 0 || jwt.Authority.Length > 0,
            ValidIssuer = jwt.Issuer.Length > 0 ? jwt.Issuer : null,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            NameClaimType = "sub",
        };
        if (jwt.JwksFile.Length > 0)
        {
            var keys = new JwksFileKeys(jwt.JwksFile);
            options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keys.Keys();
        }
    }
}
