using System.Text.RegularExpressions;
using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Operations;

public class MetricsTests
{
    [Fact]
    public async Task Prometheus_AfterTraffic_RequestCountersByMethodAndStatus_AndSnapshotAge()
    {
        using var snapshots = new TempFolder();
        SmallSnapshots.Write(snapshots.Path, 0);
        var (grpcPort, metricsPort) = (TestServerHost.FreePort(), TestServerHost.FreePort());
        var settings = SmallSnapshots.Settings(snapshots.Path);
        settings["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}";
        settings["Kestrel:Endpoints:Grpc:Protocols"] = "Http2";
        settings["GraphAttn:Telemetry:PrometheusUrl"] = $"http://127.0.0.1:{metricsPort}";
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings, kestrel: true);
        var recommendations = new RecommendationService.RecommendationServiceClient(host.Channel);
        for (var i = 0; i < 3; i++) await recommendations.RecommendContentAsync(new() { UserId = "ann", Limit = 2 }).Within();
        await Rpc.FailsWith(StatusCode.NotFound, async () => await recommendations.RecommendContentAsync(new() { UserId = "nobody", Limit = 2 }));

        using var http = new HttpClient();
        var text = await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics").WaitAsync(TestTimeouts.Default);

        Assert.Matches(new Regex("""graphattn_rpc_requests_total\{[^}]*rpc_grpc_status_code="0"[^}]*RecommendContent[^}]*\} [1-9]|graphattn_rpc_requests_total\{[^}]*RecommendContent[^}]*rpc_grpc_status_code="0"[^}]*\} [1-9]"""), text);
        Assert.Matches(new Regex("""graphattn_rpc_requests_total\{[^}]*(rpc_grpc_status_code="5"[^}]*RecommendContent|RecommendContent[^}]*rpc_grpc_status_code="5")"""), text);
        Assert.Matches(new Regex("""graphattn_rpc_duration_seconds_bucket\{"""), text);
        Assert.Matches(new Regex("""graphattn_snapshot_age_seconds(\{[^}]*\})? [0-9]"""), text);
        // The scrape endpoint lives on its own listener only.
        var onGrpcPort = await http.GetAsync($"http://127.0.0.1:{grpcPort}/metrics").WaitAsync(TestTimeouts.Default).ContinueWith(t => t.IsCompletedSuccessfully && t.Result.IsSuccessStatusCode);
        Assert.False(onGrpcPort);
    }
}
