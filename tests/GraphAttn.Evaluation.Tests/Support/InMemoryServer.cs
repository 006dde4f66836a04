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

namespace GraphAttn.Evaluation.Tests.Support;

/// <summary>
/// The real GraphAttn service composition on an in-memory test server, serving a fixed graph, with a client channel.
/// Model serving is off unless <c>settings</c> turn it on (e.g. a snapshot folder).
/// </summary>
internal sealed class InMemoryServer : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly WebApplication _app;

    private InMemoryServer(WebApplication app)
    {
        _app = app;
        var server = app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
    }

    public GrpcChannel Channel { get; }

    public static async Task<InMemoryServer> StartAsync(SocialGraph graph, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GraphAttn:Model:Mode"] = "off" });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddGraphAttn();
        builder.Services.AddSingleton<IGraphSource>(new FixedSource(graph));
        var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().WaitAsync(Timeout);
        await app.Services.GetRequiredService<GraphLoader>().FirstLoad.WaitAsync(Timeout);
        await app.Services.GetRequiredService<GraphAttn.Server.Modeling.ModelServing>().StoreStarted.WaitAsync(Timeout);
        return new InMemoryServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().WaitAsync(Timeout);
        await _app.DisposeAsync();
    }

    private sealed class FixedSource(SocialGraph graph) : IGraphSource
    {
        public string Describe => "fixed:test";

        public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct) => Task.FromResult(graph);
    }
}
