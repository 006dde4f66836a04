using GraphAttn.Neo4j.WriteBack;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.WriteBack;

public sealed class EmbeddingWriterTests
{
    private static readonly (string, float[])[] Vectors =
    [
        ("u000001", [0.5f, -1.25f, 2f]),
        ("u000002", [1f, 0f, 0f]),
        ("u000404", [0f, 1f, 0f]),
    ];

    private const string IndexRun = """
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "CREATE VECTOR INDEX `user_embedding` IF NOT EXISTS FOR (n:`User`) ON (n.`embedding`) OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}}" {} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":[]}
        S: SUCCESS {"type":"s"}
        C: COMMIT
        S: SUCCESS {}

        """;

    private static string Batch(string rows, long updated) => $$"""
        C: BEGIN {}
        S: SUCCESS {}
        C: RUN "UNWIND $rows AS row MATCH (n:`User` {`userId`: row.id}) SET n.`embedding` = row.vector RETURN count(n) AS updated" {"rows":{{rows}}} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":["updated"]}
        S: RECORD [{{updated}}]
        S: SUCCESS {"type":"w"}
        C: COMMIT
        S: SUCCESS {}

        """;

    [Fact]
    public async Task WriteAsync_ThreeVectorsBatchOfTwo_IndexThenTwoUnwindTransactions()
    {
        var script = StubScripts.Login + IndexRun
            + Batch("""[{"id":"u000001","vector":[0.5,-1.25,2]},{"id":"u000002","vector":[1,0,0]}]""", 2)
            + Batch("""[{"id":"u000404","vector":[0,1,0]}]""", 0);
        await using var server = new ScriptedBoltServer(script);
        await using var driver = StubScripts.Driver(server);
        var ticks = new List<long>();
        var result = await new EmbeddingWriter(driver, new EmbeddingWriterOptions { BatchSize = 2 })
            .WriteAsync(Vectors, new Progress(ticks)).Within();
        await server.Completion.Within();
        Assert.Equal(new EmbeddingWriteResult(3, 2, 2, 3), result);
        Assert.Equal(1, result.Missing);
        Assert.Equal([2L, 3L], ticks);
    }

    [Fact]
    public async Task WriteAsync_RunTwice_SameStatementsBothTimes()
    {
        var once = IndexRun + Batch("""[{"id":"u000001","vector":[0.5,-1.25,2]},{"id":"u000002","vector":[1,0,0]},{"id":"u000404","vector":[0,1,0]}]""", 2);
        await using var server = new ScriptedBoltServer(StubScripts.Login + once + once);
        await using var driver = StubScripts.Driver(server);
        var writer = new EmbeddingWriter(driver);
        var first = await writer.WriteAsync(Vectors).Within();
        var second = await writer.WriteAsync(Vectors).Within();
        await server.Completion.Within();
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(2, float.NaN)]
    [InlineData(4, 0f)]
    public async Task WriteAsync_BadVector_ThrowsBeforeConnecting(int length, float value)
    {
        await using var driver = Neo4j.Driver.Neo4jDriver.Create(new Uri("bolt://127.0.0.1:1"), StubScripts.Auth);
        (string, float[])[] bad = [("u1", [1f, 2f, 3f]), ("u2", Enumerable.Repeat(value, length).ToArray())];
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => new EmbeddingWriter(driver).WriteAsync(bad).Within());
        Assert.Contains("u2", ex.Message);
    }

    private sealed class Progress(List<long> ticks) : IProgress<long>
    {
        public void Report(long value) => ticks.Add(value);
    }
}
