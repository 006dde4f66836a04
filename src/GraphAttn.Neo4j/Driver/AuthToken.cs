namespace GraphAttn.Neo4j.Driver;

/// <summary>Credentials sent in LOGON (or HELLO on Bolt 5.0). <see cref="ToString"/> never shows the secret.</summary>
public sealed class AuthToken
{
    private AuthToken(string scheme, string? principal, string? credentials)
    {
        Scheme = scheme;
        Principal = principal;
        Credentials = credentials;
    }

    /// <summary>Auth scheme: <c>basic</c> or <c>none</c>.</summary>
    public string Scheme { get; }

    /// <summary>User name (basic auth).</summary>
    public string? Principal { get; }

    internal string? Credentials { get; }

    /// <summary>User name and password.</summary>
    public static AuthToken Basic(string user, string password) => new("basic", user, password);

    /// <summary>No authentication (servers with auth disabled).</summary>
    public static AuthToken None { get; } = new("none", null, null);

    internal void AddTo(Dictionary<string, object?> map)
    {
        map["scheme"] = Scheme;
        if (Principal is not null)
        {
            map["principal"] = Principal;
            map["credentials"] = Credentials;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Principal is null ? Scheme : $"{Scheme} {Principal} (password redacted)";
}
