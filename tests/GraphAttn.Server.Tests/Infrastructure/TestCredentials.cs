using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using GraphAttn.Server.Security;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>
/// Credentials as a deployment would have them: an RSA signing key published in a JWKS file (what an identity
/// provider serves), tokens signed with it, and one API key per scope configured by SHA-256 only.
/// </summary>
internal sealed class TestCredentials : IDisposable
{
    public const string Issuer = "https://issuer.graphattn.test";
    public const string Audience = "graphattn";
    private const string KeyId = "test-signing-key";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly TempFolder _folder = new();

    public TestCredentials()
    {
        var p = _rsa.ExportParameters(false);
        JwksFile = _folder.File("jwks.json");
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } },
        }));
    }

    public string JwksFile { get; }

    /// <summary>The plain API key that grants exactly <paramref name="scope"/> (its SHA-256 is what the server holds).</summary>
    public static string ApiKey(string scope) => $"test-key-for-{scope}-0123456789";

    /// <summary>Auth settings: JWTs from the JWKS file and one API key per scope.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GraphAttn:Auth:Jwt:JwksFile"] = JwksFile,
            ["GraphAttn:Auth:Jwt:Issuer"] = Issuer,
            ["GraphAttn:Auth:Jwt:Audience"] = Audience,
        };
        for (var i = 0; i < Scopes.All.Length; i++)
        {
            settings[$"GraphAttn:Auth:ApiKeys:{i}:Name"] = $"client-{Scopes.All[i]}";
            settings[$"GraphAttn:Auth:ApiKeys:{i}:Sha256"] = ApiKeyRing.Digest(ApiKey(Scopes.All[i]));
            settings[$"GraphAttn:Auth:ApiKeys:{i}:Scopes:0"] = Scopes.All[i];
        }
        return settings;
    }

    /// <summary>A token for subject "tester" with <paramref name="scopes"/>, valid for <paramref name="lifetime"/> (default 5 min).</summary>
    public string Token(string[] scopes, TimeSpan? lifetime = null, string audience = Audience)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "tester"), new Claim("scope", string.Join(' ', scopes))]),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now.AddSeconds(-5),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public static Metadata Key(string key) => new() { { "x-api-key", key } };

    public void Dispose()
    {
        _rsa.Dispose();
        _folder.Dispose();
    }
}
