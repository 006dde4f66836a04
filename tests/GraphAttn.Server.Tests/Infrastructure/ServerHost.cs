using GraphAttn.Graph;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>The real service composition on an in-memory test server, with a scripted graph source.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly IGraphSource _source;

    private ServerHost(WebApplication app, IGraphSource source)
    {
        _app = app;
        _source = source;
        var server = app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
    }

    public GrpcChannel Channel { get; }
    public StubGraphSource Source => (StubGraphSource)_source;

    /// <summary>
    /// Starts a host; by default waits until the first graph is served. Model serving is off unless
    /// <paramref name="settings"/> say otherwise (e.g. GraphAttn:Model:Mode = snapshots with a snapshot folder).
    /// </summary>
    public static async Task<ServerHost> StartAsync(IGraphSource source, bool waitLoaded = true,
        Dictionary<string, string?>? settings = null, GraphAttn.Server.Modeling.ModelStartGate? gate = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphAttn:Model:Mode"] = "off" });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddGraphAttn();
        builder.Services.AddSingleton<IGraphSource>(source);
        if (gate is not null) builder.Services.AddSingleton(gate);
        var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().Bounded();
        var host = new ServerHost(app, source);
        if (waitLoaded)
        {
            await app.Services.GetRequiredService<GraphLoader>().FirstLoad.Bounded();
            await app.Services.GetRequiredService<GraphAttn.Server.Modeling.ModelServing>().StoreStarted.Bounded();
        }
        return host;
    }

    /// <summary>Starts a host with configuration overrides and the graph source they name (no stub), capturing logs.</summary>
    public static async Task<ServerHost> StartConfiguredAsync(Dictionary<string, string?> settings, ILoggerProvider logs)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphAttn:Model:Mode"] = "off" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.AddGraphAttn();
        var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().Bounded();
        return new ServerHost(app, new StubGraphSource());
    }

    public static Task<ServerHost> StartAsync(Func<SocialGraph>? graph = null) =>
        StartAsync(StubGraphSource.Ready(graph ?? (() => TestGraphs.Small())));

    public GraphLoader Loader => _app.Services.GetRequiredService<GraphLoader>();

    public IServiceProvider Services => _app.Services;

    public GraphAttn.Server.Modeling.ModelServing Models => _app.Services.GetRequiredService<GraphAttn.Server.Modeling.ModelServing>();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().Bounded();
        await _app.DisposeAsync();
    }
}
