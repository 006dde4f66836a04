using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Health.V1;

namespace GraphAttn.Server.Tests.Functional;

/// <summary>
/// A restart while the graph source (Neo4j) is unreachable: the last graph read, cached on disk, answers together with
/// the last snapshot, health reports NOT_SERVING, and the server turns ready once the source answers again.
/// </summary>
public sealed class GraphCacheTests
{
    [Fact]
    public async Task Restart_SourceDown_ServesCachedGraphWithLastSnapshot_NotReady_UntilSourceReturns()
    {
        using var data = new TempFolder();
        var snapshots = Directory.CreateDirectory(Path.Combine(data.Path, "snapshots")).FullName;
        SmallSnapshots.Write(snapshots, 0);
        var settings = new Dictionary<string, string?>(SmallSnapshots.Settings(snapshots))
        {
            ["GraphAttn:Graph:Cache"] = "on",
            ["GraphAttn:Graph:RetrySeconds"] = "0.2",
            ["GraphAttn:Model:DataPath"] = data.Path,
        };
        var cacheFolder = Path.Combine(data.Path, "graph-cache");
        await using (var first = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings))
            await WaitForAsync(() => Directory.Exists(cacheFolder) && Directory.EnumerateDirectories(cacheFolder, "graph-*").Any());

        var source = new FlakySource();
        await using var second = await TestServerHost.StartAsync(source, settings: settings);
        var health = new Grpc.Health.V1.Health.HealthClient(second.Channel);
        var content = await new RecommendationService.RecommendationServiceClient(second.Channel)
            .RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 1 }).Within();
        var info = await new AdminService.AdminServiceClient(second.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();
        var whileDown = await health.CheckAsync(new HealthCheckRequest()).Within();
        var alive = await health.CheckAsync(new HealthCheckRequest { Service = "graphattn.v1.Liveness" }).Within();
        source.Up = true;
        await WaitForAsync(() => health.Check(new HealthCheckRequest()).Status == HealthCheckResponse.Types.ServingStatus.Serving);
        var fresh = await new AdminService.AdminServiceClient(second.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();

        Assert.Equal(("gat", "m3"), (content.Provenance.Method, content.Items.Single().ContentId));
        Assert.StartsWith("cache of stub:test read ", info.GraphSource);
        Assert.Equal(TestGraphs.Small().Fingerprint, info.Provenance.GraphFingerprint);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, whileDown.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, alive.Status); // liveness must not restart it
        Assert.True(source.Attempts >= 1);
        Assert.Equal("stub:test", fresh.GraphSource);
    }

    [Fact]
    public async Task SourceDown_NoCache_UnavailableAsBefore()
    {
        using var data = new TempFolder();
        var source = new FlakySource();
        await using var host = await TestServerHost.StartAsync(source, settings: new()
        {
            ["GraphAttn:Graph:Cache"] = "on",
            ["GraphAttn:Graph:RetrySeconds"] = "0.2",
            ["GraphAttn:Model:DataPath"] = data.Path,
        });

        await Rpc.FailsWith(Grpc.Core.StatusCode.Unavailable, async () => await new RecommendationService.RecommendationServiceClient(host.Channel)
            .RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 1 }));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Refuses connections until <see cref="Up"/>, like a database that is down.</summary>
    private sealed class FlakySource : IGraphSource
    {
        public volatile bool Up;
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public string Describe => "stub:test";

        public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct)
        {
            Interlocked.Increment(ref _attempts);
            return Up ? Task.FromResult(TestGraphs.Small()) : throw new IOException("connection refused (bolt://db:7687)");
        }
    }
}
