using GraphAttn.Neo4j.Driver;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Values;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Scripted;

public sealed class StreamingTests
{
    [Fact]
    public async Task RunAsync_HasMore_PullsNextBatchOnlyAfterEachSummary()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN "UNWIND range(1, 5) AS i RETURN i" {} {"db":"graph","mode":"r"}
            C: PULL {"n":2}
            S: SUCCESS {"fields":["i"],"qid":0}
            S: RECORD [1]
            S: RECORD [2]
            S: SUCCESS {"has_more":true}
            C: PULL {"n":2}
            S: RECORD [3]
            S: RECORD [4]
            S: SUCCESS {"has_more":true}
            C: PULL {"n":2}
            S: RECORD [5]
            S: SUCCESS {"bookmark":"FB:1","type":"r","db":"graph"}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession(new SessionConfig { Database = "graph", DefaultAccessMode = AccessMode.Read, FetchSize = 2 });
        var cursor = await session.RunAsync("UNWIND range(1, 5) AS i RETURN i").Within();
        var seen = new List<long>();
        await foreach (var record in cursor)
        {
            seen.Add(record.Get<long>("i"));
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], seen);
        Assert.Equal(["FB:1"], session.LastBookmarks);
        await server.Completion.Within();
    }

    [Fact]
    public async Task ConsumeAsync_UnreadBatches_DiscardsRestAndReturnsSummary()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN "MATCH (n) RETURN n" {} {}
            C: PULL {"n":1}
            S: SUCCESS {"fields":["n"]}
            S: RECORD [1]
            S: SUCCESS {"has_more":true}
            C: DISCARD {"n":-1}
            S: SUCCESS {"type":"r","t_last":3}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession(new SessionConfig { FetchSize = 1 });
        var cursor = await session.RunAsync("MATCH (n) RETURN n").Within();
        var summary = await cursor.ConsumeAsync().Within();
        Assert.Equal("r", summary.QueryType);
        await server.Completion.Within();
    }

    [Fact]
    public async Task RunAsync_NoopsBetweenAndInsideReplies_Ignored()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            S: <NOOP>
            C: RUN "RETURN $x AS x" {"x":"hi"} {}
            C: PULL {"n":1000}
            S: <NOOP>
            S: SUCCESS {"fields":["x"]}
            S: <NOOP>
            S: <NOOP>
            S: RECORD ["hi"]
            S: <NOOP>
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("RETURN $x AS x", new Dictionary<string, object?> { ["x"] = "hi" }).Within();
        Assert.Equal("hi", (await cursor.ToListAsync().Within()).Single()["x"]);
        await server.Completion.Within();
    }

    [Fact]
    public async Task RunAsync_GraphValues_DecodedAsTypedStructures()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN * {} {}
            C: PULL *
            S: SUCCESS {"fields":["u","d","p"]}
            S: RECORD [{"$struct":78,"fields":[1,["User"],{"name":"Ada"},"4:x:1"]},{"$struct":68,"fields":[19000]},{"$struct":88,"fields":[7203,1.5,2.5]}]
            S: SUCCESS {}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var row = (await (await session.RunAsync("MATCH (u) RETURN u, date() AS d, point({x:1.5, y:2.5}) AS p").Within()).ToListAsync().Within()).Single();
        Assert.Equal("Ada", row.Get<Node>("u").Properties["name"]);
        Assert.Equal(new DateOnly(2022, 1, 8), row.Get<LocalDate>("d").ToDateOnly());
        Assert.Equal(new Point2D(7203, 1.5, 2.5), row.Get<Point2D>("p"));
        await server.Completion.Within();
    }

    [Fact]
    public async Task FetchAsync_ServerClosesMidStream_ServiceUnavailableAndConnectionDropped()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN * {} {}
            C: PULL *
            S: SUCCESS {"fields":["i"]}
            S: RECORD [1]
            S: <RAW> 0010 b1 71 91
            S: <EXIT>
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("UNWIND range(1, 100) AS i RETURN i").Within();
        Assert.True(await cursor.FetchAsync().AsTask().Within());
        await Assert.ThrowsAsync<ServiceUnavailableException>(() => cursor.FetchAsync().AsTask().Within());
        Assert.Equal(0, driver.Pool.IdleCount);
        Assert.Equal(0, driver.Pool.InUseCount);
        await server.Completion.Within();
    }

    [Fact]
    public async Task FetchAsync_ServerSilent_ReadTimeoutRaisesServiceUnavailable()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + """
            C: RUN * {} {}
            C: PULL *
            S: SUCCESS {"fields":["i"]}
            S: <SLEEP> 3000
            """);
        await using var driver = StubScripts.Driver(server, StubScripts.Config() with { ReadTimeout = TimeSpan.FromMilliseconds(300) });
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("RETURN 1 AS i").Within();
        var ex = await Assert.ThrowsAsync<ServiceUnavailableException>(() => cursor.FetchAsync().AsTask().Within());
        Assert.Contains("within", ex.Message);
    }

    [Theory]
    [InlineData("0003 b1 71 df 0000")]
    [InlineData("0004 b1 71 d6ff 0000")]
    [InlineData("0002 b3 50 0000")]
    public async Task FetchAsync_GarbageFromServer_ProtocolErrorAndConnectionDropped(string garbage)
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + $$"""
            C: RUN * {} {}
            C: PULL *
            S: SUCCESS {"fields":["i"]}
            S: <RAW> {{garbage}}
            """);
        await using var driver = StubScripts.Driver(server);
        await using var session = driver.AsyncSession();
        var cursor = await session.RunAsync("RETURN 1 AS i").Within();
        await Assert.ThrowsAsync<BoltProtocolException>(() => cursor.FetchAsync().AsTask().Within());
        Assert.Equal((0, 0), (driver.Pool.IdleCount, driver.Pool.InUseCount));
    }
}
