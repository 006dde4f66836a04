using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace GraphAttn.Server.Tests.Functional;

public class AdminAndHealthTests
{
    [Fact]
    public async Task Health_NotServingWhileLoading_ThenServing_AndRpcsUnavailableMeanwhile()
    {
        var source = new StubGraphSource(() => TestGraphs.Small());
        await using var host = await TestServerHost.StartAsync(source, waitLoaded: false);
        var health = new Grpc.Health.V1.Health.HealthClient(host.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new()).Within()).Status);
        var loading = await Rpc.FailsWith(StatusCode.Unavailable, async () =>
            await new RecommendationService.RecommendationServiceClient(host.Channel).RecommendContentAsync(new() { UserId = "ann", Limit = 1 }));
        var retry = loading.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);

        source.Gate.SetResult();
        await host.Loader.FirstLoad.Within();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new()).Within()).Status);
    }

    [Fact]
    public async Task GetServiceInfo_ReportsCountsSourceAndVersion()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Equal((5, 5, 2, 5, 10), (info.Counts.Users, info.Counts.Contents, info.Counts.Topics, info.Counts.Follows, info.Counts.Interactions));
        Assert.Equal("stub:test", info.GraphSource);
        Assert.Equal(TestGraphs.Small().Fingerprint, info.Provenance.GraphFingerprint);
    }

    [Fact]
    public async Task ReloadSnapshot_NewGraph_SwapsAndReportsBothVersions()
    {
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small(), () => TestGraphs.Small(extraUser: "new")));
        var admin = new AdminService.AdminServiceClient(host.Channel);
        var reload = await admin.ReloadSnapshotAsync(new()).Within();
        Assert.NotEqual(reload.Previous.ModelVersion, reload.Current.ModelVersion);
        Assert.Equal(6, reload.Counts.Users);
        var profile = await new ProfileService.ProfileServiceClient(host.Channel).GetUserProfileAsync(new() { UserId = "new" }).Within();
        Assert.Equal(reload.Current.ModelVersion, profile.Provenance.ModelVersion);
    }

    [Fact]
    public async Task ReloadSnapshot_BadData_FailedPreconditionAndOldStateKeepsServing()
    {
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(
            () => TestGraphs.Small(), () => throw new GraphDataException("follows.csv", 7, "unknown User id 'x'")));
        var admin = new AdminService.AdminServiceClient(host.Channel);
        var before = await admin.GetServiceInfoAsync(new()).Within();
        var ex = await Rpc.FailsWith(StatusCode.FailedPrecondition, async () => await admin.ReloadSnapshotAsync(new()));
        Assert.Contains("follows.csv:7", ex.Status.Detail);
        var after = await admin.GetServiceInfoAsync(new()).Within();
        Assert.Equal(before.Provenance.ModelVersion, after.Provenance.ModelVersion);
    }

    [Fact]
    public async Task Reflection_ListsEveryService()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var client = new ServerReflection.ServerReflectionClient(host.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).Within();
        await call.RequestStream.CompleteAsync().Within();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Within());
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("graphattn.v1.RecommendationService", names);
        Assert.Contains("graphattn.v1.ProfileService", names);
        Assert.Contains("graphattn.v1.EventService", names);
        Assert.Contains("graphattn.v1.AdminService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }
}
