using Google.Rpc;
using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GraphAttn.Server.Tests.Operations;

public class RateLimitTests
{
    [Fact]
    public async Task Calls_OverTheCallersRate_ResourceExhaustedWithRetryInfo_HealthExempt()
    {
        var url = $"http://127.0.0.1:{TestServerHost.FreePort()}";
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), kestrel: true, settings: new()
        {
            ["Kestrel:Endpoints:Grpc:Url"] = url,
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["GraphAttn:RateLimit:PermitsPerSecond"] = "1",
            ["GraphAttn:RateLimit:Burst"] = "3",
        });
        var admin = new AdminService.AdminServiceClient(host.Channel);
        for (var i = 0; i < 3; i++) await admin.GetServiceInfoAsync(new()).Within();

        var ex = await Rpc.FailsWith(StatusCode.ResourceExhausted, async () => await admin.GetServiceInfoAsync(new()));

        var retry = ex.GetRpcStatus()?.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 5; i++)
            await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new()).Within();
    }
}
