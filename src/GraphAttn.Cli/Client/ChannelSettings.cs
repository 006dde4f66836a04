namespace GraphAttn.Cli.Client;

/// <summary>Where and how to connect. <see cref="ToString"/> leaves the credentials out.</summary>
/// <param name="Address">http:// (h2c) or https:// address.</param>
/// <param name="CaFile">PEM file of the CA to trust for the server's certificate; null: the system's CAs.</param>
/// <param name="ClientCert">PEM client certificate for mutual TLS; null: none.</param>
/// <param name="ClientKey">PEM private key of <paramref name="ClientCert"/>.</param>
/// <param name="Token">Bearer token for every call; null: none.</param>
/// <param name="ApiKey">API key for every call; null: none.</param>
internal sealed record ChannelSettings(string Address, string? CaFile = null, string? ClientCert = null, string? ClientKey = null,
    string? Token = null, string? ApiKey = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Address} (ca {CaFile ?? "system"}, client certificate {ClientCert ?? "none"}, token {(Token is null ? "none" : "set")}, api key {(ApiKey is null ? "none" : "set")})";
}
