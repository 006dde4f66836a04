using System.Security.Claims;
using System.Text.Encodings.Web;
using GraphAttn.Server.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Security;

/// <summary>
/// Authenticates a request by the API key in the configured header (default <c>x-api-key</c>). The identity is
/// <c>apikey:NAME</c> and carries the key's scopes as <c>scope</c> claims. No header: no result (another scheme, or
/// anonymous, may apply); an unknown key: failure.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyRing keys, IOptions<GraphAttnOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[settings.Value.Auth.ApiKeyHeader].ToString();
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Find(presented) is not { } key) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var claims = new List<Claim> { new(ClaimTypes.Name, $"apikey:{key.Name}"), new("sub", $"apikey:{key.Name}") };
        claims.AddRange(key.Scopes.Select(s => new Claim("scope", s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
