using GraphAttn.Contracts.V1;
using GraphAttn.Server.Security;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace GraphAttn.Server.Tests.Security;

public class AuthTests
{
    private sealed record Call(string Name, string Scope, Func<GrpcChannel, Metadata, Task> Invoke);

    // Every RPC of the four services, each with a request that succeeds on TestGraphs.Small once authorized.
    private static readonly Call[] EveryRpc =
    [
        new("RecommendContent", Scopes.Recommend, async (c, m) => await new RecommendationService.RecommendationServiceClient(c).RecommendContentAsync(new() { UserId = "ann", Limit = 2 }, m)),
        new("RecommendFriends", Scopes.Recommend, async (c, m) => await new RecommendationService.RecommendationServiceClient(c).RecommendFriendsAsync(new() { UserId = "ann", Limit = 2 }, m)),
        new("GetUserProfile", Scopes.Recommend, async (c, m) => await new ProfileService.ProfileServiceClient(c).GetUserProfileAsync(new() { UserId = "ann" }, m)),
        new("RecordInteraction", Scopes.Events, async (c, m) => await new EventService.EventServiceClient(c).RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.View }, m)),
        new("RecordFollow", Scopes.Events, async (c, m) => await new EventService.EventServiceClient(c).RecordFollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }, m)),
        new("RecordUnfollow", Scopes.Events, async (c, m) => await new EventService.EventServiceClient(c).RecordUnfollowAsync(new() { FollowerId = "cy", FolloweeId = "eli" }, m)),
        new("GetServiceInfo", Scopes.Admin, async (c, m) => await new AdminService.AdminServiceClient(c).GetServiceInfoAsync(new(), m)),
        new("ReloadSnapshot", Scopes.Admin, async (c, m) => await new AdminService.AdminServiceClient(c).ReloadSnapshotAsync(new(), m)),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryRpc_NoWrongOrRightCredentials_UnauthenticatedPermissionDeniedOk(bool tls)
    {
        using var credentials = new TestCredentials();
        using var certificates = TestCertificates.Create();
        var url = $"{(tls ? "https" : "http")}://127.0.0.1:{TestServerHost.FreePort()}";
        var settings = credentials.Settings();
        foreach (var (key, value) in certificates.ServerSettings(url))
            if (tls || !key.Contains("Certificate", StringComparison.Ordinal)) settings[key] = value;
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings, kestrel: true);
        using var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = tls ? certificates.Handler() : new SocketsHttpHandler() });

        foreach (var call in EveryRpc)
        {
            var wrong = Scopes.All.First(s => s != call.Scope);
            await Fails(StatusCode.Unauthenticated, call, channel, []);
            await Fails(StatusCode.Unauthenticated, call, channel, TestCredentials.Key("not-a-configured-key"));
            await Fails(StatusCode.Unauthenticated, call, channel, TestCredentials.Bearer(credentials.Token([call.Scope], lifetime: TimeSpan.FromMinutes(-5))));
            await Fails(StatusCode.Unauthenticated, call, channel, TestCredentials.Bearer(credentials.Token([call.Scope], audience: "someone-else")));
            var denied = await Fails(StatusCode.PermissionDenied, call, channel, TestCredentials.Bearer(credentials.Token([wrong])));
            Assert.Contains(call.Scope, denied.Status.Detail);
            await Fails(StatusCode.PermissionDenied, call, channel, TestCredentials.Key(TestCredentials.ApiKey(wrong)));

            await call.Invoke(channel, TestCredentials.Bearer(credentials.Token([call.Scope]))).WaitAsync(TestTimeouts.Default);
            await call.Invoke(channel, TestCredentials.Key(TestCredentials.ApiKey(call.Scope))).WaitAsync(TestTimeouts.Default);
            await call.Invoke(channel, TestCredentials.Bearer(credentials.Token([.. Scopes.All]))).WaitAsync(TestTimeouts.Default);
        }

        // Health stays open, so probes need no secret.
        var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(TestTimeouts.Default);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Tls_ClientCaConfigured_CallsNeedAClientCertificateFromThatCa()
    {
        using var certificates = TestCertificates.Create();
        var url = $"https://127.0.0.1:{TestServerHost.FreePort()}";
        var settings = certificates.ServerSettings(url);
        settings["GraphAttn:Tls:ClientCaFile"] = certificates.CaFile;
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings, kestrel: true);

        using (var anonymous = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = certificates.Handler() }))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => new AdminService.AdminServiceClient(anonymous).GetServiceInfoAsync(new()).ResponseAsync.WaitAsync(TestTimeouts.Default));
            Assert.NotEqual(StatusCode.OK, ex.StatusCode);
        }

        using var mutual = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = certificates.Handler(clientCertificate: true) });
        var info = await new AdminService.AdminServiceClient(mutual).GetServiceInfoAsync(new()).ResponseAsync.WaitAsync(TestTimeouts.Default);
        Assert.Equal(5, info.Counts.Users);
    }

    private static async Task<RpcException> Fails(StatusCode code, Call call, GrpcChannel channel, Metadata metadata)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.Invoke(channel, metadata).WaitAsync(TestTimeouts.Default));
        Assert.True(code == ex.StatusCode, $"{call.Name}: expected {code}, got {ex.StatusCode} ({ex.Status.Detail})");
        return ex;
    }
}
