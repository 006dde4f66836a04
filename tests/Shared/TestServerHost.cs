using System.Net;
using System.Net.Sockets;
using GraphAttn.Graph;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// The real service composition in this process: on an in-memory test server (default), on a free loopback port
/// (h2c) for clients that need an address, or on Kestrel with the endpoints the settings name (TLS, several
/// listeners). Model serving is off unless the settings say otherwise.
/// </summary>
internal sealed class TestServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServerHost(WebApplication app, IGraphSource? source, string? address)
    {
        _app = app;
        Source = source as StubGraphSource;
        if (address is null)
        {
            var server = app.GetTestServer();
            Address = server.BaseAddress.ToString();
            Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        }
        else
        {
            Address = address;
            Channel = GrpcChannel.ForAddress(address);
        }
    }

    /// <summary>A client channel to the host.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The host's address (a real one only with loopback).</summary>
    public string Address { get; }

    /// <summary>The scripted source, when one was given.</summary>
    public StubGraphSource? Source { get; }

    public IServiceProvider Services => _app.Services;

    public GraphLoader Loader => _app.Services.GetRequiredService<GraphLoader>();

    public ModelServing Models => _app.Services.GetRequiredService<ModelServing>();

    /// <summary>Serves <paramref name="graph"/> (default: a source that returns it at once) and waits until it is served.</summary>
    public static Task<TestServerHost> StartAsync(SocialGraph graph, Dictionary<string, string?>? settings = null) =>
        StartAsync(StubGraphSource.Ready(() => graph), settings: settings);

    /// <summary>
    /// Starts a host over <paramref name="source"/> (null: the source configuration names, e.g. the demo graph); by
    /// default waits until the first graph is served and the snapshot store has started.
    /// </summary>
    public static async Task<TestServerHost> StartAsync(IGraphSource? source, bool waitLoaded = true,
        Dictionary<string, string?>? settings = null, ModelStartGate? gate = null, ILoggerProvider? logs = null, bool loopback = false,
        bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        string? address = null;
        if (kestrel)
        {
            address = settings?.GetValueOrDefault("Kestrel:Endpoints:Grpc:Url") ?? throw new ArgumentException("kestrel needs Kestrel:Endpoints:Grpc:Url");
        }
        else if (loopback)
        {
            var port = FreePort();
            address = $"http://127.0.0.1:{port}";
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphAttn:Model:Mode"] = "off" });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        builder.AddGraphAttn();
        if (source is not null) builder.Services.AddSingleton(source);
        if (gate is not null) builder.Services.AddSingleton(gate);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().Within();
        if (waitLoaded)
        {
            await app.Services.GetRequiredService<GraphLoader>().FirstLoad.Within(TimeSpan.FromSeconds(60));
            await app.Services.GetRequiredService<ModelServing>().StoreStarted.Within();
        }

        return new TestServerHost(app, source, address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().Within();
        await _app.DisposeAsync();
    }

    /// <summary>A TCP port free on loopback at the time of the call.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
