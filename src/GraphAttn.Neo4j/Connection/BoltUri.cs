namespace GraphAttn.Neo4j.Connection;

/// <summary>
/// A parsed connection URI. Schemes: <c>bolt</c>/<c>neo4j</c> (plain TCP), <c>bolt+s</c>/<c>neo4j+s</c>
/// (TLS, certificate verified), <c>bolt+ssc</c>/<c>neo4j+ssc</c> (TLS, any certificate accepted). The
/// <c>neo4j</c> schemes connect directly to the given host: cluster routing is not implemented, so point them
/// at a cluster member or a load balancer. Default port 7687.
/// </summary>
public sealed record BoltUri(string Host, int Port, bool Encrypted, bool TrustAnyCertificate)
{
    /// <summary>Default Bolt port.</summary>
    public const int DefaultPort = 7687;

    /// <summary>Parses <paramref name="uri"/>; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public static BoltUri Parse(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var (encrypted, trustAny) = uri.Scheme.ToLowerInvariant() switch
        {
            "bolt" or "neo4j" => (false, false),
            "bolt+s" or "neo4j+s" => (true, false),
            "bolt+ssc" or "neo4j+ssc" => (true, true),
            _ => throw new ArgumentException(
                $"Unsupported URI scheme '{uri.Scheme}': use bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc.",
                nameof(uri)),
        };
        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"URI '{uri}' has no host.", nameof(uri));
        }

        return new BoltUri(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port, encrypted, trustAny);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port}{(Encrypted ? " (TLS)" : "")}";
}
