using Microsoft.Extensions.Configuration;

namespace GraphAttn.Neo4j.Configuration;

/// <summary>
/// Where and how to reach Neo4j. Bound from the configuration section <c>Neo4j</c> (appsettings, or environment
/// variables <c>Neo4j__Uri</c>, <c>Neo4j__Password</c>...), with the conventional <c>NEO4J_URI</c>,
/// <c>NEO4J_USERNAME</c>, <c>NEO4J_PASSWORD</c>, <c>NEO4J_DATABASE</c> as fallbacks. The password may come from a
/// file (a mounted Kubernetes secret). <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class Neo4jOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Neo4j";

    /// <summary>Bolt URI (default <c>bolt://localhost:7687</c>).</summary>
    public string Uri { get; set; } = "bolt://localhost:7687";

    /// <summary>User name (default <c>neo4j</c>).</summary>
    public string User { get; set; } = "neo4j";

    /// <summary>Password; prefer <see cref="PasswordFile"/> in deployments.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the password (trailing newline ignored); used when <see cref="Password"/> is empty.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Database name; null uses the server default.</summary>
    public string? Database { get; set; }

    /// <summary>
    /// PEM file of the CA that signed the server's certificate, for <c>bolt+s</c> / <c>neo4j+s</c> with a private CA
    /// (a mounted secret); null checks against the system's CAs.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>Reads the section (and the NEO4J_* fallbacks) from <paramref name="configuration"/>.</summary>
    public static Neo4jOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        string? Pick(string key, string fallback) => section[key] is { Length: > 0 } v ? v : configuration[fallback] is { Length: > 0 } f ? f : null;
        var options = new Neo4jOptions();
        options.Uri = Pick("Uri", "NEO4J_URI") ?? options.Uri;
        options.User = Pick("User", "NEO4J_USERNAME") ?? options.User;
        options.Password = Pick("Password", "NEO4J_PASSWORD");
        options.PasswordFile = Pick("PasswordFile", "NEO4J_PASSWORD_FILE");
        options.Database = Pick("Database", "NEO4J_DATABASE");
        options.CaFile = Pick("CaFile", "NEO4J_CA_FILE");
        return options;
    }

    /// <summary>
    /// The password from <see cref="Password"/> or <see cref="PasswordFile"/>; throws
    /// <see cref="InvalidOperationException"/> (naming the file, never the secret) when neither gives one.
    /// </summary>
    public string ResolvePassword()
    {
        if (!string.IsNullOrEmpty(Password))
        {
            return Password;
        }

        if (string.IsNullOrEmpty(PasswordFile))
        {
            throw new InvalidOperationException("Neo4j password missing: set Neo4j:Password, Neo4j:PasswordFile or NEO4J_PASSWORD.");
        }

        if (!File.Exists(PasswordFile))
        {
            throw new InvalidOperationException($"Neo4j password file '{PasswordFile}' does not exist.");
        }

        var password = File.ReadAllText(PasswordFile).TrimEnd('\r', '\n');
        return password.Length > 0
            ? password
            : throw new InvalidOperationException($"Neo4j password file '{PasswordFile}' is empty.");
    }

    /// <summary>Parsed <see cref="Uri"/>; throws <see cref="InvalidOperationException"/> when it is not a URI.</summary>
    public Uri ParsedUri => System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri)
        ? uri
        : throw new InvalidOperationException($"Neo4j:Uri '{Uri}' is not an absolute URI such as bolt://host:7687.");

    /// <inheritdoc />
    public override string ToString() =>
        $"Uri={Uri}, User={User}, Password={(string.IsNullOrEmpty(Password) ? PasswordFile is null ? "(none)" : $"(from file {PasswordFile})" : "(redacted)")}, Database={Database ?? "(default)"}, CaFile={CaFile ?? "(system CAs)"}";
}
