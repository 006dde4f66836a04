namespace GraphAttn.Server.Options;

/// <summary>Configuration section "GraphAttn:Telemetry".</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Where the Prometheus scrape endpoint listens (HTTP/1.1, path /metrics), e.g. "http://0.0.0.0:9464"; its own
    /// port, apart from the gRPC one, so it needs no credentials and can stay off the public Service. Empty (default):
    /// no scrape endpoint.
    /// </summary>
    public string PrometheusUrl { get; set; } = "";

    /// <summary>
    /// OTLP collector for traces and metrics, e.g. "http://otel-collector:4317". Empty (default): none; the standard
    /// OTEL_EXPORTER_OTLP_* variables then still apply when set.
    /// </summary>
    public string OtlpEndpoint { get; set; } = "";
}
