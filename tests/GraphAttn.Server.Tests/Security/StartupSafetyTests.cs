using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Tests.Security;

public class StartupSafetyTests
{
    // The in-memory test server binds nothing, so these settings describe a server that would listen on every interface.
    private static Dictionary<string, string?> Exposed(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Kestrel:Endpoints:Grpc:Url"] = "http://0.0.0.0:5080" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Start_BeyondLoopbackWithoutCredentials_RefusedNamingTheSettings()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServerHost.StartAsync(TestGraphs.Small(), Exposed()));
        var message = string.Join(" ", ex.Failures);
        Assert.Contains("http://0.0.0.0:5080", message);
        Assert.Contains("GraphAttn:Auth:AllowAnonymous", message);
    }

    [Fact]
    public async Task Start_BeyondLoopbackWithAllowAnonymous_Serves()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small(), Exposed(("GraphAttn:Auth:AllowAnonymous", "true")));
        var info = await new Contracts.V1.AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new()).Within();
        Assert.Equal(5, info.Counts.Users);
    }

    [Fact]
    public async Task Start_BadSettings_RefusedWithEveryProblemNamed()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestServerHost.StartAsync(TestGraphs.Small(), new Dictionary<string, string?>
        {
            ["GraphAttn:Limits:MaxLimit"] = "0",
            ["GraphAttn:RateLimit:PermitsPerSecond"] = "-1",
            ["GraphAttn:Auth:ApiKeys:0:Name"] = "ops",
            ["GraphAttn:Auth:ApiKeys:0:Sha256"] = "not-a-digest",
            ["GraphAttn:Auth:Jwt:JwksFile"] = "/nonexistent/jwks.json",
        }));
        var message = string.Join(" ", ex.Failures);
        Assert.Contains("GraphAttn:Limits:MaxLimit", message);
        Assert.Contains("GraphAttn:RateLimit:PermitsPerSecond", message);
        Assert.Contains("GraphAttn:Auth:ApiKeys:0:Sha256", message);
        Assert.Contains("GraphAttn:Auth:Jwt:JwksFile", message);
        Assert.Contains("GraphAttn:Auth:Jwt:Audience", message);
    }

    [Fact]
    public async Task Reflection_BeyondLoopback_OffUnlessEnabled_ThenOnlyForAuthenticatedCallers()
    {
        using var credentials = new TestCredentials();
        var settings = Exposed();
        foreach (var (key, value) in credentials.Settings()) settings[key] = value;
        await using (var closed = await TestServerHost.StartAsync(TestGraphs.Small(), settings))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => ListServices(closed, []));
            Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        }

        settings["GraphAttn:Reflection:Enabled"] = "true";
        await using var open = await TestServerHost.StartAsync(TestGraphs.Small(), settings);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => ListServices(open, []));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        var names = await ListServices(open, TestCredentials.Key(TestCredentials.ApiKey(GraphAttn.Server.Security.Scopes.Recommend)));
        Assert.Contains("graphattn.v1.RecommendationService", names);
    }

    private static async Task<List<string>> ListServices(TestServerHost host, Metadata headers)
    {
        using var call = new ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo(headers);
        try
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).Within();
            await call.RequestStream.CompleteAsync().Within();
        }
        catch (RpcException)
        {
            // A server that refuses the call may end it before the request is written (the write then fails with
            // CANCELLED): the call's own status comes from reading the response below.
        }

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).Within());
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }
}
