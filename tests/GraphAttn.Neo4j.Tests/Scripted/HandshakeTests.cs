using GraphAttn.Neo4j.Errors;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

public sealed class HandshakeTests
{
    private const string Query = """
        C: RUN "RETURN 1 AS n" {} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":["n"]}
        S: RECORD [1]
        S: SUCCESS {"type":"r"}
        """;

    private static async Task<long> RunOneAsync(ScriptedBoltServer server)
    {
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("RETURN 1 AS n").Within();
        var rows = await cursor.ToListAsync().Within();
        return rows.Single().Get<long>("n");
    }

    [Fact]
    public async Task Connect_Bolt50_CredentialsInHelloWithoutLogon()
    {
        await using var server = new ScriptedBoltServer($$"""
            !: BOLT 5.0
            C: HELLO {"credentials":"s3cr3t-pw","principal":"neo4j","scheme":"basic","user_agent":"GraphAttn/1.0"}
            S: SUCCESS {"server":"Neo4j/5.0.0"}
            {{Query}}
            """);
        Assert.Equal(1, await RunOneAsync(server));
        await server.Completion.Within();
    }

    [Theory]
    [InlineData("5.1")]
    [InlineData("5.2")]
    public async Task Connect_Bolt51To52_HelloWithoutBoltAgentThenLogon(string version)
    {
        await using var server = new ScriptedBoltServer($$"""
            !: BOLT {{version}}
            C: HELLO {"user_agent":"GraphAttn/1.0"}
            S: SUCCESS {"server":"Neo4j/5.2.0"}
            C: LOGON {"credentials":"s3cr3t-pw","principal":"neo4j","scheme":"basic"}
            S: SUCCESS {}
            {{Query}}
            """);
        Assert.Equal(1, await RunOneAsync(server));
        await server.Completion.Within();
    }

    [Theory]
    [InlineData("BOLT 5.3")]
    [InlineData("BOLT 5.4")]
    [InlineData("BOLT 5.6")]
    [InlineData("MANIFEST 5.7 -> 5.7")]
    [InlineData("MANIFEST 5.6 5.7 5.8 -> 5.8")]
    [InlineData("MANIFEST 5.8 6.0 -> 6.0")]
    public async Task Connect_Bolt53AndLater_BoltAgentAndLogon(string handshake)
    {
        var login = StubScripts.Login.Replace("!: BOLT 5.4", "!: " + handshake);
        await using var server = new ScriptedBoltServer(login + "\n" + Query);
        Assert.Equal(1, await RunOneAsync(server));
        await server.Completion.Within();
    }

    [Theory]
    [InlineData("HANDSHAKE 00000000", "none of the proposed")]
    [InlineData("HANDSHAKE 48545450", "HTTP")]
    public async Task Connect_ServerRejectsVersions_ServiceUnavailableWithReason(string handshake, string reason)
    {
        await using var server = new ScriptedBoltServer("!: " + handshake);
        await using var driver = StubScripts.Driver(server);
        var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => driver.VerifyConnectivityAsync().Within());
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public async Task Connect_ManifestWithoutCommonVersion_ServiceUnavailable()
    {
        await using var server = new ScriptedBoltServer("!: MANIFEST 4.4 -> 4.4");
        await using var driver = StubScripts.Driver(server);
        var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => driver.VerifyConnectivityAsync().Within());
        Assert.Contains("4.4", ex.Message);
    }

    [Fact]
    public async Task Connect_WrongPassword_AuthenticationExceptionWithoutPassword()
    {
        await using var server = new ScriptedBoltServer("""
            !: BOLT 5.4
            C: HELLO *
            S: SUCCESS {"server":"Neo4j/5.26.0"}
            C: LOGON *
            S: FAILURE {"code":"Neo.ClientError.Security.Unauthorized","message":"The client is unauthorized due to authentication failure."}
            """);
        await using var driver = StubScripts.Driver(server);
        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => driver.VerifyConnectivityAsync().Within());
        Assert.Equal("Neo.ClientError.Security.Unauthorized", ex.Code);
        Assert.DoesNotContain(StubScripts.Password, ex.ToString());
        await server.Completion.Within();
    }

    [Fact]
    public async Task Connect_NothingListening_ServiceUnavailableNamingHost()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port was free a moment ago and nothing listens on it now
        await using var driver = Neo4j.Driver.Neo4jDriver.Create(new Uri($"bolt://127.0.0.1:{port}"), StubScripts.Auth, StubScripts.Config());
        var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => driver.VerifyConnectivityAsync().Within());
        Assert.Contains("127.0.0.1", ex.Message);
        Assert.DoesNotContain(StubScripts.Password, ex.ToString());
    }
}
