using GraphAttn.Contracts.V1;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphAttn.Server.Tests.Errors;

public class BackgroundFailureTests
{
    [Fact]
    public async Task CorruptGraphCacheManifest_WhileSourceIsDown_HostKeepsRunning_ProblemRecorded()
    {
        using var data = new TempFolder();
        var entry = Directory.CreateDirectory(Path.Combine(data.Path, "graph-cache", "graph-000001700000000-abc"));
        File.WriteAllText(Path.Combine(entry.FullName, "cache.json"), "{ not json");
        var source = StubGraphSource.Ready(() => throw new IOException("source down"));
        await using var host = await TestServerHost.StartAsync(source, waitLoaded: false, settings: new()
        {
            ["GraphAttn:Graph:Cache"] = "on",
            ["GraphAttn:Graph:RetrySeconds"] = "0.1",
            ["GraphAttn:Model:DataPath"] = data.Path,
        });
        var cache = host.Services.GetRequiredService<GraphCache>();
        await TestTimeouts.Until(() => cache.Problem is not null, "the cache problem to be recorded");
        await Task.Delay(500); // several more attempts of the loader

        Assert.Contains("graph-cache", cache.Problem!.Value.Message, StringComparison.Ordinal);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var liveness = await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new() { Service = "graphattn.v1.Liveness" }).Within();
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }

    [Fact]
    public async Task CorruptCheckpoint_ModelFails_BaselinesKeepAnswering_InfoReportsTheModel()
    {
        using var data = new TempFolder();
        var checkpoint = Directory.CreateDirectory(Path.Combine(data.Path, "checkpoint"));
        File.WriteAllText(Path.Combine(checkpoint.FullName, "checkpoint.json"), "{ \"model\": 42");
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small(), new()
        {
            ["GraphAttn:Model:Mode"] = "snapshots",
            ["GraphAttn:Model:SnapshotFolder"] = Path.Combine(data.Path, "snapshots"),
            ["GraphAttn:Model:CheckpointPath"] = checkpoint.FullName,
        });
        await host.Services.GetRequiredService<ModelLifecycleService>().Settled.Within();

        var content = await new RecommendationService.RecommendationServiceClient(host.Channel).RecommendContentAsync(new() { UserId = "ann", Limit = 2 }).Within();
        var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Equal("baseline", content.Provenance.Method);
        Assert.Equal(ModelPhase.Failed, info.Model.Phase);
        Assert.Contains(info.BackgroundFailures, f => f.Component == "model");
    }
}
