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
        // The burst (3) passes; then at most the tokens refilled meanwhile (1 a second) before a call is refused.
        var answered = 0;
        RpcException? ex = null;
        while (ex is null && answered < 20)
        {
            try
            {
                await admin.GetServiceInfoAsync(new()).Within();
                answered++;
            }
            catch (RpcException refused)
            {
                ex = refused;
            }
        }

        Assert.NotNull(ex);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.InRange(answered, 3, 10);

        var retry = ex.GetRpcStatus()?.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 5; i++)
            await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(new()).Within();
    }

    [Fact]
    public async Task Calls_OverTheCallersConcurrency_ResourceExhausted_UntilOneEnds()
    {
        var source = new StubGraphSource(() => TestGraphs.Small()); // held: a reload waits until the gate opens
        await using var host = await TestServerHost.StartAsync(source, waitLoaded: false, settings: new()
        {
            ["GraphAttn:RateLimit:PermitsPerSecond"] = "0",
            ["GraphAttn:RateLimit:ConcurrentPerCaller"] = "1",
        });
        var admin = new AdminService.AdminServiceClient(host.Channel);
        using var held = admin.ReloadSnapshotAsync(new());
        await Task.Delay(200);

        await Rpc.FailsWith(StatusCode.ResourceExhausted, async () => await admin.GetServiceInfoAsync(new()));

        source.Gate.SetResult();
        await held.ResponseAsync.WaitAsync(TestTimeouts.Default);
        Assert.Equal(5, (await admin.GetServiceInfoAsync(new()).Within()).Counts.Users);
    }
}
