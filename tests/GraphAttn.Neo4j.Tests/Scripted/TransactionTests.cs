using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

public sealed class TransactionTests
{
    [Fact]
    public async Task BeginCommit_BookmarksDatabaseAndMode_SentAndAdvanced()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: BEGIN {"bookmarks":["FB:0"],"db":"graph"}
            S: SUCCESS {}
            C: RUN "CREATE (:User {userId:$id})" {"id":"u1"} {}
            C: PULL {"n":1000}
            S: SUCCESS {"fields":[]}
            S: SUCCESS {"stats":{"nodes-created":1}}
            C: COMMIT
            S: SUCCESS {"bookmark":"FB:1"}
            C: BEGIN {"bookmarks":["FB:1"],"db":"graph","mode":"r"}
            S: SUCCESS {}
            C: ROLLBACK
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession(new SessionConfig { Database = "graph", Bookmarks = ["FB:0"] });
        var tx = await session.BeginTransactionAsync().Within();
        var summary = await (await tx.RunAsync("CREATE (:User {userId:$id})", new Dictionary<string, object?> { ["id"] = "u1" }).Within()).ConsumeAsync().Within();
        Assert.Equal(1L, summary.Counters["nodes-created"]);
        await tx.CommitAsync().Within();
        Assert.Equal(["FB:1"], session.LastBookmarks);
        var read = await session.BeginTransactionAsync(AccessMode.Read).Within();
        await read.RollbackAsync().Within();
        await server.Completion.Within();
    }

    [Fact]
    public async Task RunAsync_FailureThenReset_ConnectionReusedForNextQuery()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN "RETRUN 1" {} {}
            C: PULL {"n":1000}
            S: FAILURE {"neo4j_code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'RETRUN'","gql_status":"42001","description":"syntax error"}
            S: IGNORED
            C: RESET
            S: SUCCESS {}
            C: RUN "RETURN 1 AS n" {} {}
            C: PULL {"n":1000}
            S: SUCCESS {"fields":["n"]}
            S: RECORD [1]
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var ex = await Assert.ThrowsAsync<ClientException>(() => session.RunAsync("RETRUN 1").Within());
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", ex.Code);
        Assert.Equal("42001", ex.GqlStatus);
        Assert.Contains("RETRUN", ex.Message);
        var rows = await (await session.RunAsync("RETURN 1 AS n").Within()).ToListAsync().Within();
        Assert.Single(rows);
        await server.Completion.Within();
    }

    [Fact]
    public async Task ExecuteReadAsync_TransientFailure_RetriedAfterBackoff()
    {
        var delays = new List<TimeSpan>();
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: BEGIN {"mode":"r"}
            S: SUCCESS {}
            C: RUN "MATCH (u:User) RETURN count(u) AS c" {} {}
            C: PULL {"n":1000}
            S: FAILURE {"code":"Neo.TransientError.Transaction.DeadlockDetected","message":"deadlock"}
            S: IGNORED
            C: RESET
            S: SUCCESS {}
            C: BEGIN {"mode":"r"}
            S: SUCCESS {}
            C: RUN "MATCH (u:User) RETURN count(u) AS c" {} {}
            C: PULL {"n":1000}
            S: SUCCESS {"fields":["c"]}
            S: RECORD [42]
            S: SUCCESS {}
            C: COMMIT
            S: SUCCESS {"bookmark":"FB:9"}
            """);
        await using var driver = StubScripts.Driver(server, StubScripts.Config(delays));
        await using var session = driver.AsyncSession();
        var count = await session.ExecuteReadAsync(async tx =>
        {
            var cursor = await tx.RunAsync("MATCH (u:User) RETURN count(u) AS c");
            return (await cursor.ToListAsync()).Single().Get<long>("c");
        }).Within();
        Assert.Equal(42, count);
        var delay = Assert.Single(delays);
        Assert.InRange(delay.TotalMilliseconds, 800, 1200);
        await server.Completion.Within();
    }

    [Fact]
    public async Task ExecuteWriteAsync_ClientError_NotRetried()
    {
        var delays = new List<TimeSpan>();
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: BEGIN {}
            S: SUCCESS {}
            C: RUN * {} {}
            C: PULL *
            S: FAILURE {"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"exists"}
            S: IGNORED
            C: RESET
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server, StubScripts.Config(delays));
        await using var session = driver.AsyncSession();
        await Assert.ThrowsAsync<ClientException>(() => session.ExecuteWriteAsync(async tx =>
            await (await tx.RunAsync("CREATE (:User {userId:'u1'})")).ConsumeAsync()).Within());
        Assert.Empty(delays);
        await server.Completion.Within();
    }
}
