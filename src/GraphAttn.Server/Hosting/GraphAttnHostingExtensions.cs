using GraphAttn.Graph;
using GraphAttn.Server.Health;
using GraphAttn.Server.Live;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;
using GraphAttn.Server.Services;
using GraphAttn.Serving.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphAttn.Server.Hosting;

/// <summary>Service registration and endpoint mapping, kept out of Program.cs.</summary>
public static class GraphAttnHostingExtensions
{
    /// <summary>Health service name for liveness probes: SERVING whenever the process answers.</summary>
    public const string LivenessService = "graphattn.v1.Liveness";

    /// <summary>Registers options, the graph source and loader, gRPC with limits, health and reflection.</summary>
    public static WebApplicationBuilder AddGraphAttn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GraphAttnOptions.Section);
        builder.Services.Configure<GraphAttnOptions>(section);
        var options = section.Get<GraphAttnOptions>() ?? new GraphAttnOptions();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new LiveGraphWriter(new LiveOptions
        {
            CompactEvents = Math.Max(1, options.Sync.CompactEvents),
            CompactAfter = TimeSpan.FromSeconds(Math.Max(0.1, options.Sync.CompactSeconds)),
            DedupeWindow = Math.Max(1, options.Events.DedupeWindow),
            CollectAfterCompaction = options.Sync.CollectAfterCompaction,
        }, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LiveGraphWriter>>()));
        builder.Services.AddSingleton<ServingStateHolder>();
        builder.Services.AddSingleton(sp => LiveSourceFactory.Create(options, sp));
        builder.Services.AddSingleton<EventIngest>();
        builder.Services.AddSingleton<GraphSyncService>();
        builder.Services.AddSingleton<IGraphSource>(_ => GraphSourceFactory.Create(options.Graph, builder.Configuration));
        builder.Services.AddSingleton(sp => new GraphCache(
            Path.Combine(sp.GetRequiredService<ModelServing>().DataPath, "graph-cache"), options.Graph.UsesCache));
        builder.Services.AddSingleton<GraphLoader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GraphLoader>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GraphSyncService>());
        builder.Services.AddSingleton<ModelServing>();
        builder.Services.AddHostedService<SnapshotStoreHost>();
        builder.Services.AddSingleton<ModelLifecycleService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModelLifecycleService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = options.Limits.MaxRequestBytes;
            o.EnableDetailedErrors = false;
            o.Interceptors.Add<CancellationInterceptor>();
            o.Interceptors.Add<RetryLaterInterceptor>();
        });
        // The overall service ("") is ready once a graph fresh from its source is served (readiness); "graphattn.v1.Model"
        // tells whether the model answers; "graphattn.v1.Liveness" is SERVING whenever the process answers at all, so a liveness probe does not restart a server that is serving its cache while Neo4j is down.
        builder.Services.AddGrpcHealthChecks(o =>
            {
                o.Services.Map("", r => !r.Tags.Any());
                o.Services.Map(LivenessService, r => r.Tags.Contains("liveness"));
                o.Services.Map(ModelLiveHealthCheck.ServiceName, r => r.Tags.Contains(ModelLiveHealthCheck.Tag));
            })
            .AddCheck<GraphReadyHealthCheck>("graph")
            .AddCheck<ModelLiveHealthCheck>("model", tags: [ModelLiveHealthCheck.Tag])
            .AddCheck("process", () => HealthCheckResult.Healthy("answering"), tags: ["liveness"]);
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>Maps the four GraphAttn services, grpc.health.v1.Health and server reflection.</summary>
    public static WebApplication MapGraphAttn(this WebApplication app)
    {
        app.MapGrpcService<RecommendationGrpcService>();
        app.MapGrpcService<ProfileGrpcService>();
        app.MapGrpcService<EventGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
