using System.Net;
using System.Net.Sockets;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Cli.Tests;

/// <summary>The real server composition on a free loopback port (h2c), serving the embedded demo graph.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, int port)
    {
        _app = app;
        Address = $"http://127.0.0.1:{port}";
    }

    public string Address { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphAttn:Model:Mode"] = "off" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.AddGraphAttn();
        var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await app.Services.GetRequiredService<GraphLoader>().FirstLoad.WaitAsync(TimeSpan.FromSeconds(60));
        return new LoopbackServer(app, port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await _app.DisposeAsync();
    }
}
