namespace GraphAttn.Server.Options;

/// <summary>Configuration section "GraphAttn" (appsettings, or environment variables such as GraphAttn__Graph__SeedsPath).</summary>
public sealed class GraphAttnOptions
{
    /// <summary>Section name.</summary>
    public const string Section = "GraphAttn";

    /// <summary>Where the graph comes from.</summary>
    public GraphOptions Graph { get; set; } = new();

    /// <summary>Model snapshots and the in-process training.</summary>
    public ModelServingOptions Model { get; set; } = new();

    /// <summary>Request limits enforced by every service.</summary>
    public LimitOptions Limits { get; set; } = new();

    /// <summary>Who may call what (JWT bearer tokens, API keys, scopes).</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Server reflection beyond loopback.</summary>
    public ReflectionOptions Reflection { get; set; } = new();

    /// <summary>Client certificates (mutual TLS); the server certificate itself is Kestrel's endpoint setting.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>Per-caller request rate and concurrency.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Metrics and traces.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>How many old snapshots and checkpoints the server keeps.</summary>
    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>Graph source settings.</summary>
public sealed class GraphOptions
{
    /// <summary>"csv" (a graph-seeds folder) or "neo4j" (settings in the "Neo4j" section). Default "csv".</summary>
    public string Source { get; set; } = "csv";

    /// <summary>graph-seeds folder for the csv source; empty means the demo graph shipped next to the binaries.</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Seconds between attempts while the first load keeps failing (e.g. Neo4j not up yet). Default 15.</summary>
    public double RetrySeconds { get; set; } = 15;

    /// <summary>
    /// Keep the last graph read on local disk (under GraphAttn:Model:DataPath/graph-cache) and serve it when the
    /// source is unreachable at start: "auto" (default) for Neo4j, "on", or "off".
    /// </summary>
    public string Cache { get; set; } = "auto";

    /// <summary>Whether the cache applies to this source.</summary>
    public bool UsesCache => Cache.ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => !string.Equals(Source, "csv", StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>Request limits (stated in the protos' comments).</summary>
public sealed class LimitOptions
{
    /// <summary>Largest `limit` a request may ask for. Default 100.</summary>
    public int MaxLimit { get; set; } = 100;

    /// <summary>Longest id, in characters. Default 128.</summary>
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Largest request message, in bytes. Default 64 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Seconds of silence on an HTTP/2 connection before the server pings it (0: never). Default 60: a client that
    /// vanished without closing (a node lost, a NAT entry expired) is noticed and its streams freed.
    /// </summary>
    public double KeepAlivePingSeconds { get; set; } = 60;

    /// <summary>Seconds the server waits for a ping's answer before closing the connection. Default 20.</summary>
    public double KeepAlivePingTimeoutSeconds { get; set; } = 20;

    /// <summary>Concurrent streams (calls) per HTTP/2 connection. Default 100 (Kestrel's).</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;
}
