using GraphAttn.Graph;
using GraphAttn.Graph.Live;
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

    // Spelled out, so any change to what reaches the database shows up here.
    private const string FollowChanges =
        "MATCH (a:`User`)-[r:`FOLLOWS`]->(b:`User`) WHERE r.`updatedAt` >= $since AND (r.`updatedAt` > $since OR elementId(r) > $after) " +
        "RETURN elementId(r) AS key, a.`userId` AS from, b.`userId` AS to, coalesce(r.`at`, r.`since`) AS at, r.`eventId` AS id, " +
        "r.`updatedAt` AS updated ORDER BY updated, key LIMIT $limit";

    [Fact]
    public async Task LoadChangesAsync_EveryKindSinceTheWatermark_PagedByUpdateTimeWithTombstones()
    {
        var q = new ChangeQueries(new Neo4jSchema());
        Assert.Equal(FollowChanges, q.Follows);
        var script = StubScripts.Login
            + Page(q.Users, 9_000, "", 2, """["key","name","updated"]""", """["u000009","Ivy",9500]""")
            + Page(q.Contents, 9_000, "", 2, """["key","title","updated","topics","authors"]""", """["c000009","Fresh",9600,[["t001","Jazz"],["t009","New"]],["u000009"]]""")
            + Page(q.Interactions, 9_000, "", 2, """["key","from","to","kind","at","weight","id","updated"]""",
                """["5:x:1","u000009","c000009","like",9400,1,"e-1",9700]""", """["5:x:2","u000001","c000009","view",9401,2.5,"e-2",9700]""")
            + Page(q.Interactions, 9_700, "5:x:2", 2, """["key","from","to","kind","at","weight","id","updated"]""")
            + Page(q.Follows, 9_000, "", 2, """["key","from","to","at","id","updated"]""", """["5:x:3","u000009","u000001",9450,null,9800]""")
            + Page(q.Unfollows, 9_000, "", 2, """["key","from","to","at","id","updated"]""", """["5:x:4","u000001","u000002",9460,"x-1",9900]""");
        await using var server = new ScriptedBoltServer(script);
        await using var driver = StubScripts.Driver(server);
        var delta = await new Neo4jGraphSource(driver, new Neo4jGraphSourceOptions { PageSize = 2 })
            .LoadChangesAsync(ChangeCursor.At(10_000), TimeSpan.FromSeconds(1), CancellationToken.None).Within(30);
        await server.Completion.Within();

        Assert.Equal(new ChangeCursor(10_000, 10_000, 10_000, 10_000, 10_000), delta.Next);
        Assert.Equal(6, delta.Count);
        var events = delta.ToEvents();
        Assert.Equal([GraphEventKind.User, GraphEventKind.Content, GraphEventKind.Interaction, GraphEventKind.Interaction, GraphEventKind.Follow, GraphEventKind.Unfollow],
            events.Select(e => e.Kind));
        Assert.Equal(["t001", "t009"], events[1].Topics);
        Assert.Equal("u000009", events[1].UserId);
        Assert.Equal(2.5f, events[3].Weight);
        Assert.Equal("neo4j:5:x:3:9450", events[4].EventId);
        Assert.Equal(("x-1", 9460L), (events[5].EventId, events[5].TimestampMs));
    }

    [Fact]
    public async Task LoadChangesAsync_NewerRows_MoveTheCursor()
    {
        var q = new ChangeQueries(new Neo4jSchema());
        var empty = """["key","from","to","at","id","updated"]""";
        var script = StubScripts.Login
            + Page(q.Users, 100, "", 10_000, """["key","name","updated"]""", """["u1","A",20000]""")
            + Page(q.Contents, 100, "", 10_000, """["key","title","updated","topics","authors"]""")
            + Page(q.Interactions, 100, "", 10_000, """["key","from","to","kind","at","weight","id","updated"]""")
            + Page(q.Follows, 100, "", 10_000, empty)
            + Page(q.Unfollows, 100, "", 10_000, empty, """["5:x:9","u1","u2",15000,"x",21000]""");
        await using var server = new ScriptedBoltServer(script);
        await using var driver = StubScripts.Driver(server);
        var delta = await new Neo4jGraphSource(driver).LoadChangesAsync(ChangeCursor.At(100), TimeSpan.Zero, CancellationToken.None).Within(30);
        await server.Completion.Within();
        Assert.Equal(new ChangeCursor(20_000, 100, 100, 100, 21_000), delta.Next);
    }

    private static string Page(string query, long since, string after, long limit, string fields, params string[] rows)
    {
        var parameters = new Dictionary<string, object?> { ["after"] = after, ["limit"] = limit, ["since"] = since };
        var page = new System.Text.StringBuilder();
        page.AppendLine("C: BEGIN {\"mode\":\"r\"}").AppendLine("S: SUCCESS {}");
        page.AppendLine($"C: RUN {ScriptJson.Render(query)} {ScriptJson.Render(parameters)} {{}}");
        page.AppendLine("C: PULL {\"n\":1000}");
        page.AppendLine($"S: SUCCESS {{\"fields\":{fields}}}");
        foreach (var row in rows) page.AppendLine("S: RECORD " + row);
        page.AppendLine("S: SUCCESS {\"type\":\"r\"}").AppendLine("C: COMMIT").AppendLine("S: SUCCESS {}");
        return page.ToString();
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
