using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Graph;

public sealed class Neo4jGraphSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("graphattn-neo4j-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Collect : IProgress<GraphLoadProgress>
    {
        public List<GraphLoadProgress> Ticks { get; } = [];

        public void Report(GraphLoadProgress value) => Ticks.Add(value);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 1000)]
    [InlineData(100, 2)]
    public async Task LoadAsync_ReplayedQueryRows_SameFingerprintAsCsvSource(int pageSize, int fetchSize)
    {
        var data = SeedData.Sample();
        var expected = new CsvGraphSource(data.WriteFolder(Path.Combine(_root, "seeds"))).Load();
        await using var server = new ScriptedBoltServer(QueryReplay.Script(data, pageSize, fetchSize));
        await using var driver = StubScripts.Driver(server, StubScripts.Config() with { FetchSize = fetchSize });
        var progress = new Collect();
        var graph = await new Neo4jGraphSource(driver, new Neo4jGraphSourceOptions { PageSize = pageSize })
            .LoadAsync(progress, CancellationToken.None).Within(30);
        await server.Completion.Within();
        Assert.Equal(expected.Fingerprint, graph.Fingerprint);
        Assert.Equal((7, 6, 3, 7, 7), (graph.UserCount, graph.ContentCount, graph.TopicCount, graph.FollowCount, graph.InteractionCount));
        Assert.Equal(["users", "contents", "topics", "follows", "interactions", "posted", "tagged"],
            progress.Ticks.Where(t => t.Done).Select(t => t.Stage));
        Assert.Equal(7, progress.Ticks.Single(t => t is { Stage: "interactions", Done: true }).Rows);
    }

    [Fact]
    public async Task LoadChangesAsync_DeltaSinceTimestamp_AppliedToEarlierGraphEqualsFullGraph()
    {
        const long asOf = 2_250;
        var data = SeedData.Sample();
        var full = new CsvGraphSource(data.WriteFolder(Path.Combine(_root, "full"))).Load();
        var earlier = new CsvGraphSource(data.AsOf(asOf).WriteFolder(Path.Combine(_root, "earlier"))).Load();
        Assert.NotEqual(full.Fingerprint, earlier.Fingerprint);
        await using var server = new ScriptedBoltServer(QueryReplay.Script(data, pageSize: 2, fetchSize: 2, since: asOf));
        await using var driver = StubScripts.Driver(server, StubScripts.Config() with { FetchSize = 2 });
        var delta = await new Neo4jGraphSource(driver, new Neo4jGraphSourceOptions { PageSize = 2 })
            .LoadChangesAsync(asOf, null, CancellationToken.None).Within(30);
        await server.Completion.Within();
        Assert.Equal(["u000007"], delta.Users.Select(u => u.Id));
        Assert.Equal(full.Fingerprint, delta.ApplyTo(earlier).Fingerprint);
    }

    [Fact]
    public async Task LoadAsync_UnknownInteractionKind_GraphDataExceptionNamesStage()
    {
        var data = SeedData.Sample();
        data.Interactions[0] = data.Interactions[0] with { Kind = "poke" };
        await using var server = new ScriptedBoltServer(QueryReplay.Script(data, 100, 1000));
        await using var driver = StubScripts.Driver(server);
        var ex = await Assert.ThrowsAsync<GraphDataException>(() =>
            new Neo4jGraphSource(driver, new Neo4jGraphSourceOptions { PageSize = 100 }).LoadAsync(null, CancellationToken.None).Within(30));
        Assert.Contains("interactions", ex.Message);
        Assert.Contains("poke", ex.Message);
    }

    [Theory]
    [InlineData("User`) DETACH DELETE n //")]
    [InlineData("")]
    public async Task Constructor_SchemaNameNotIdentifier_Throws(string label)
    {
        await using var driver = Neo4j.Driver.Neo4jDriver.Create(new Uri("bolt://localhost"), StubScripts.Auth);
        var options = new Neo4jGraphSourceOptions { Schema = new Neo4jSchema { UserLabel = label } };
        var ex = Assert.Throws<ArgumentException>(() => new Neo4jGraphSource(driver, options));
        Assert.Contains("UserLabel", ex.Message);
    }

    [Fact]
    public async Task Describe_WithDatabase_ShowsHostAndDatabaseButNoSecret()
    {
        await using var driver = Neo4j.Driver.Neo4jDriver.Create(new Uri("bolt+s://db.example:7688"), StubScripts.Auth);
        var describe = new Neo4jGraphSource(driver, new Neo4jGraphSourceOptions { Database = "social" }).Describe;
        Assert.Equal("neo4j:db.example:7688 (TLS)/social", describe);
        Assert.DoesNotContain(StubScripts.Password, describe);
    }
}
