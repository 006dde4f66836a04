using GraphAttn.Graph;
using GraphAttn.Server.Health;
using GraphAttn.Server.Limits;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using GraphAttn.Server.Security;
using GraphAttn.Server.Services;
using GraphAttn.Server.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Hosting;

/// <summary>Service registration and endpoint mapping, kept out of Program.cs.</summary>
public static class GraphAttnHostingExtensions
{
    /// <summary>Health service name for liveness probes: SERVING whenever the process answers.</summary>
    public const string LivenessService = "graphattn.v1.Liveness";

    /// <summary>
    /// Health service name for a readiness probe that also requires the model: SERVING once the graph is loaded and a
    /// model snapshot answers (for deployments that would rather not take traffic on baselines).
    /// </summary>
    public const string ModelReadyService = "graphattn.v1.ModelReady";

    /// <summary>Registers options, the graph source and loader, gRPC with limits, security, telemetry, health and reflection.</summary>
    public static WebApplicationBuilder AddGraphAttn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GraphAttnOptions.Section);
        builder.Services.AddOptions<GraphAttnOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GraphAttnOptions>, GraphAttnOptionsValidator>();
        var options = section.Get<GraphAttnOptions>() ?? new GraphAttnOptions();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BackgroundFailures>();
        builder.Services.AddSingleton<ServingStateHolder>();
        builder.Services.AddSingleton<IGraphSource>(_ => GraphSourceFactory.Create(options.Graph, builder.Configuration));
        builder.Services.AddSingleton(sp => new GraphCache(
            Path.Combine(sp.GetRequiredService<ModelServing>().DataPath, "graph-cache"), options.Graph.UsesCache));
        builder.Services.AddSingleton<GraphLoader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GraphLoader>());
        builder.Services.AddSingleton<ModelServing>();
        builder.Services.AddSingleton<IModelFiles, ModelFiles>();
        builder.Services.AddSingleton<DataRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DataRetention>());
        builder.Services.AddHostedService<SnapshotStoreHost>();
        builder.Services.AddSingleton<ModelLifecycleService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModelLifecycleService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.WebHost.ConfigureKestrel(k => KestrelSettings.Apply(k, options));

        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = options.Limits.MaxRequestBytes;
            o.EnableDetailedErrors = false;
            o.Interceptors.Add<UnhandledErrorInterceptor>();
            o.Interceptors.Add<CancellationInterceptor>();
            o.Interceptors.Add<RetryLaterInterceptor>();
        }).AddJsonTranscoding();
        builder.Services.AddGraphAttnAuth(options.Auth);
        builder.Services.AddGraphAttnRateLimits(options.RateLimit);
        builder.AddGraphAttnTelemetry(options.Telemetry);

        // The overall service ("") is ready once a graph fresh from its source is served (readiness); "graphattn.v1.Model"
        // tells whether the model answers; "graphattn.v1.ModelReady" is both; "graphattn.v1.Liveness" is SERVING whenever
        // the process answers at all, so a liveness probe does not restart a server that is serving its cache while
        // Neo4j is down.
        builder.Services.AddGrpcHealthChecks(o =>
            {
                o.Services.Map("", r => !r.Tags.Any());
                o.Services.Map(LivenessService, r => r.Tags.Contains("liveness"));
                o.Services.Map(ModelLiveHealthCheck.ServiceName, r => r.Tags.Contains(ModelLiveHealthCheck.Tag));
                o.Services.Map(ModelReadyService, r => !r.Tags.Any() || r.Tags.Contains(ModelLiveHealthCheck.Tag));
            })
            .AddCheck<GraphReadyHealthCheck>("graph")
            .AddCheck<ModelLiveHealthCheck>("model", tags: [ModelLiveHealthCheck.Tag])
            .AddCheck("process", () => HealthCheckResult.Healthy("answering"), tags: ["liveness"]);
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// The request pipeline and endpoints: metrics, authentication, rate limits, authorization, the body check, then
    /// the four GraphAttn services (gRPC and their JSON routes), grpc.health.v1.Health (open to all) and server
    /// reflection (loopback-only servers, or GraphAttn:Reflection:Enabled). Validates the options first: a server that
    /// would listen beyond loopback without authentication throws <see cref="OptionsValidationException"/> here,
    /// before it binds a port.
    /// </summary>
    public static WebApplication MapGraphAttn(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GraphAttnOptions>>().Value;
        app.UseMiddleware<RpcMetricsMiddleware>();
        app.UseGraphAttnTelemetry(options.Telemetry);
        app.UseAuthentication();
        if (RateLimitRegistration.Enabled(options.RateLimit)) app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<GrpcRequestGuardMiddleware>();

        app.MapGrpcService<RecommendationGrpcService>();
        app.MapGrpcService<ProfileGrpcService>();
        app.MapGrpcService<EventGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGraphAttnHttpHealth(options.Telemetry);
        if (options.Reflection.Enabled || ListenAddresses.BeyondLoopback(app.Configuration).Count == 0)
            app.MapGrpcReflectionService().RequireAuthorization(Scopes.AnyCaller);
        return app;
    }
}
