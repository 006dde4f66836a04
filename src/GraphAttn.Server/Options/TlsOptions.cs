namespace GraphAttn.Server.Options;

/// <summary>
/// Configuration section "GraphAttn:Tls". The server's own certificate is Kestrel's endpoint setting
/// (<c>Kestrel:Endpoints:Grpc:Certificate:Path</c> and <c>KeyPath</c>, PEM files); this section adds client certificates.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>
    /// PEM file of the CA(s) that sign client certificates. When set, every TLS connection must present a client
    /// certificate chaining to one of them (mutual TLS). Empty (default): no client certificate asked for.
    /// </summary>
    public string ClientCaFile { get; set; } = "";
}
