using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

public sealed class PoolTests
{
    private const string Query = """
        C: RUN "RETURN 1 AS n" {} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":["n"]}
        S: RECORD [1]
        S: SUCCESS {}

        """;

    private static async Task QueryAsync(Neo4jDriver driver)
    {
        await using var session = driver.AsyncSession();
        Assert.Single(await (await session.RunAsync("RETURN 1 AS n").Within()).ToListAsync().Within());
    }

    [Fact]
    public async Task AcquireAsync_PoolExhausted_ClientExceptionAfterAcquisitionTimeout()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: BEGIN {}
            S: SUCCESS {}
            C: ROLLBACK
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server, StubScripts.Config() with
        {
            MaxConnectionPoolSize = 1,
            ConnectionAcquisitionTimeout = TimeSpan.FromMilliseconds(200),
        });
        await using var holder = driver.AsyncSession();
        var tx = await holder.BeginTransactionAsync().Within();
        await using var other = driver.AsyncSession();
        var ex = await Assert.ThrowsAsync<ClientException>(() => other.RunAsync("RETURN 1").Within());
        Assert.Contains("No connection became free", ex.Message);
        await tx.RollbackAsync().Within();
        Assert.Equal(1, driver.Pool.IdleCount);
        await server.Completion.Within();
    }

    [Fact]
    public async Task AcquireAsync_IdleBeyondLivenessTimeout_PingedWithResetThenReused()
    {
        var time = new FakeTime();
        await using var server = new ScriptedBoltServer(StubScripts.Login + Query + """
            C: RESET
            S: SUCCESS {}

            """ + Query);
        await using var driver = StubScripts.Driver(server, StubScripts.Config(time: time));
        await QueryAsync(driver);
        time.Advance(TimeSpan.FromMinutes(5));
        await QueryAsync(driver);
        await server.Completion.Within();
    }

    [Fact]
    public async Task AcquireAsync_LivenessPingFails_OpensFreshConnection()
    {
        var time = new FakeTime();
        await using var server = new ScriptedBoltServer(
            StubScripts.Login + Query + "C: RESET\nS: <EXIT>",
            StubScripts.Login + Query);
        await using var driver = StubScripts.Driver(server, StubScripts.Config(time: time));
        await QueryAsync(driver);
        time.Advance(TimeSpan.FromMinutes(5));
        await QueryAsync(driver);
        await server.Completion.Within();
    }

    [Fact]
    public async Task AcquireAsync_OlderThanMaxLifetime_ClosedAndReplaced()
    {
        var time = new FakeTime();
        await using var server = new ScriptedBoltServer(StubScripts.Login + Query, StubScripts.Login + Query);
        await using var driver = StubScripts.Driver(server, StubScripts.Config(time: time) with { ConnectionLivenessCheckTimeout = null });
        await QueryAsync(driver);
        time.Advance(TimeSpan.FromHours(2));
        await QueryAsync(driver);
        await server.Completion.Within();
        Assert.Contains("GOODBYE", server.Received);
    }
}
