using System.Net;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphAttn.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: the GraphAttn meter and activity source (<see cref="GraphAttnMetrics"/>,
/// <see cref="GraphAttnActivities"/>) plus ASP.NET Core's own, exported to Prometheus on a separate HTTP/1.1 listener
/// and to an OTLP collector when configured. Prometheus through OpenTelemetry's exporter rather than prometheus-net:
/// one metrics pipeline feeds both exporters, and the instruments stay plain System.Diagnostics.Metrics.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>Path of the scrape endpoint.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>Registers the providers and, when configured, the scrape listener.</summary>
    public static void AddGraphAttnTelemetry(this WebApplicationBuilder builder, TelemetryOptions telemetry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(telemetry);
        var otlp = telemetry.OtlpEndpoint.Length > 0 ? new Uri(telemetry.OtlpEndpoint) : null;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("graphattn-server"))
            .WithMetrics(m =>
            {
                m.AddMeter(GraphAttnMetrics.MeterName).AddAspNetCoreInstrumentation();
                if (telemetry.PrometheusUrl.Length > 0) m.AddPrometheusExporter();
                if (otlp is not null) m.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithTracing(t =>
            {
                t.AddSource(GraphAttnActivities.SourceName).AddAspNetCoreInstrumentation();
                if (otlp is not null) t.AddOtlpExporter(o => o.Endpoint = otlp);
            });

        if (ScrapePort(telemetry) is not { } port) return;
        var host = HostOf(telemetry.PrometheusUrl);
        builder.WebHost.ConfigureKestrel(k =>
        {
            void Http1(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions o) =>
                o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1;
            if (host is "*" or "+" or "0.0.0.0" or "::") k.ListenAnyIP(port, Http1);
            else if (host == "localhost") k.ListenLocalhost(port, Http1);
            else k.Listen(IPAddress.Parse(host), port, Http1);
        });
    }

    /// <summary>Serves /metrics on the scrape listener only, and points the snapshot-age gauge at this host.</summary>
    public static void UseGraphAttnTelemetry(this WebApplication app, TelemetryOptions telemetry)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(telemetry);
        var models = app.Services.GetRequiredService<ModelServing>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var snapshotAge = GraphAttnMetrics.ReportSnapshotAgeFrom(() => models.Store?.Current is { } current
            ? (clock.GetUtcNow() - current.Header.CreatedAt).TotalSeconds
            : null);
        app.Lifetime.ApplicationStopped.Register(snapshotAge.Dispose);
        if (ScrapePort(telemetry) is { } port)
            app.UseOpenTelemetryPrometheusScrapingEndpoint(c => c.Connection.LocalPort == port && c.Request.Path == ScrapePath);
    }

    /// <summary>
    /// HTTP health on the scrape listener, for probes that cannot speak gRPC over TLS (kubelet's gRPC probe is h2c
    /// only): /healthz/live, /healthz/ready and /healthz/model-ready, the same checks as the gRPC health services
    /// "graphattn.v1.Liveness", "" and "graphattn.v1.ModelReady".
    /// </summary>
    public static void MapGraphAttnHttpHealth(this WebApplication app, TelemetryOptions telemetry)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(telemetry);
        if (ScrapePort(telemetry) is not { } port) return;
        var host = $"*:{port}";
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains("liveness") }).RequireHost(host);
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = r => r.Tags.Count == 0 }).RequireHost(host);
        app.MapHealthChecks("/healthz/model-ready", new HealthCheckOptions { Predicate = r => r.Tags.Count == 0 || r.Tags.Contains("model") })
            .RequireHost(host);
    }

    private static int? ScrapePort(TelemetryOptions telemetry) =>
        telemetry.PrometheusUrl.Length == 0 ? null
            : new Uri(telemetry.PrometheusUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Port;

    private static string HostOf(string url)
    {
        var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        return uri.Host.Trim('[', ']');
    }
}
