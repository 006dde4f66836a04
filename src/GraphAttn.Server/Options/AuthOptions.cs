namespace GraphAttn.Server.Options;

/// <summary>
/// Configuration section "GraphAttn:Auth". Callers prove who they are with a JWT bearer token (validated against an
/// OpenID Connect authority or a JSON Web Key Set file) or an API key (stored here only as its SHA-256); either way
/// they hold scopes, and each service needs one (see <c>Security.Scopes</c>). With neither configured, calls are
/// anonymous, which the server accepts only while every endpoint listens on loopback, or when
/// <see cref="AllowAnonymous"/> says so.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Serve without authentication beyond loopback (a trusted network, or a proxy that authenticates). Default false.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>JWT bearer tokens.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>API keys, each with a name and scopes.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Request header that carries an API key. Default "x-api-key".</summary>
    public string ApiKeyHeader { get; set; } = "x-api-key";

    /// <summary>Whether any credential is configured (then every service requires one).</summary>
    public bool Enabled => Jwt.Enabled || ApiKeys.Count > 0;
}

/// <summary>Configuration section "GraphAttn:Auth:Jwt".</summary>
public sealed class JwtOptions
{
    /// <summary>OpenID Connect authority (issuer URL); its signing keys come from its discovery document. Empty: none.</summary>
    public string Authority { get; set; } = "";

    /// <summary>A JSON Web Key Set file holding the signing keys (a mounted secret); re-read when it changes. Empty: none.</summary>
    public string JwksFile { get; set; } = "";

    /// <summary>Expected <c>iss</c>; required with <see cref="JwksFile"/> (with an authority, the authority's issuer).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Expected <c>aud</c> (required once tokens are configured).</summary>
    public string Audience { get; set; } = "";

    /// <summary>Tolerated clock difference in seconds. Default 30.</summary>
    public double ClockSkewSeconds { get; set; } = 30;

    /// <summary>Whether tokens are configured.</summary>
    public bool Enabled => Authority.Length > 0 || JwksFile.Length > 0;
}

/// <summary>One API key ("GraphAttn:Auth:ApiKeys:0:Name", ...).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; the caller's identity in logs and rate limits.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key as 64 hex digits (e.g. <c>printf %s "$KEY" | sha256sum</c>); the key itself is never stored.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Scopes the key grants, e.g. ["recommend"].</summary>
    public List<string> Scopes { get; set; } = [];
}
