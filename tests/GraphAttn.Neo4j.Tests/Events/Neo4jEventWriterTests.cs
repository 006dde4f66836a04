using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Neo4j.Events;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Neo4j.Tests.Events;

/// <summary>The event writes as Neo4j receives them: one write transaction per batch, one UNWIND statement per kind.</summary>
public sealed class Neo4jEventWriterTests
{
    // Spelled out, so any change to what reaches the database shows up here.
    private const string Interactions =
        "UNWIND $rows AS e MATCH (u:`User` {`userId`: e.user}) MATCH (c:`Content` {`contentId`: e.content}) " +
        "MERGE (u)-[r:`INTERACTED` {`eventId`: e.id}]->(c) " +
        "ON CREATE SET r.`kind` = e.kind, r.`ts` = e.at, r.`weight` = e.weight, r.`updatedAt` = timestamp()";

    private const string Unfollows =
        "UNWIND $rows AS e MATCH (a:`User` {`userId`: e.from}) MATCH (b:`User` {`userId`: e.to}) " +
        "OPTIONAL MATCH (a)-[r:`FOLLOWS`]->(b) WITH a, b, e, r WHERE r IS NULL OR coalesce(r.`at`, r.`since`, 0) <= e.at " +
        "DELETE r MERGE (a)-[t:`UNFOLLOWED`]->(b) " +
        "ON CREATE SET t.`at` = e.at, t.`eventId` = e.id, t.`updatedAt` = timestamp() " +
        "ON MATCH SET t.`updatedAt` = CASE WHEN coalesce(t.`at`, 0) < e.at THEN timestamp() ELSE t.`updatedAt` END, " +
        "t.`eventId` = CASE WHEN coalesce(t.`at`, 0) < e.at THEN e.id ELSE t.`eventId` END, " +
        "t.`at` = CASE WHEN coalesce(t.`at`, 0) < e.at THEN e.at ELSE t.`at` END";

    [Fact]
    public async Task WriteAsync_OneOfEachKind_OneTransactionNodesFirst()
    {
        var statements = new EventStatements(new Neo4jSchema());
        Assert.Equal(Interactions, statements.Interactions);
        Assert.Equal(Unfollows, statements.Unfollows);
        var script = StubScripts.Login + "C: BEGIN {}\nS: SUCCESS {}\n"
            + Run(statements.Users, """[{"at":4000,"id":"new1","name":"New One"}]""")
            + Run(statements.NewContents, """[{"at":4001,"author":"new1","id":"c9","title":"Fresh","topics":[{"id":"t1","name":"t1"},{"id":"t7","name":"t7"}]}]""")
            + Run(statements.Retitles, """[{"id":"c9","title":"Fresh"}]""")
            + Run(Interactions, """[{"at":5000,"content":"c9","id":"e1","kind":"like","user":"new1","weight":1}]""")
            + Run(statements.Follows, """[{"at":5001,"from":"new1","id":"f1","to":"u000001"}]""")
            + Run(Unfollows, """[{"at":5002,"from":"u000001","id":"x1","to":"u000002"}]""")
            + "C: COMMIT\nS: SUCCESS {}\n";
        await using var server = new ScriptedBoltServer(script);
        await using var driver = StubScripts.Driver(server);

        await new Neo4jEventWriter(driver).WriteAsync(
        [
            new GraphEvent { EventId = "f1", Kind = GraphEventKind.Follow, UserId = "new1", TargetId = "u000001", TimestampMs = 5001 },
            new GraphEvent { EventId = "e1", Kind = GraphEventKind.Interaction, UserId = "new1", TargetId = "c9", Interaction = InteractionKind.Like, TimestampMs = 5000 },
            new GraphEvent { EventId = "x1", Kind = GraphEventKind.Unfollow, UserId = "u000001", TargetId = "u000002", TimestampMs = 5002 },
            new GraphEvent { EventId = "n1", Kind = GraphEventKind.User, UserId = "new1", Name = "New One", TimestampMs = 4000 },
            new GraphEvent { EventId = "n2", Kind = GraphEventKind.Content, TargetId = "c9", UserId = "new1", Name = "Fresh", Topics = ["t1", "t7"], TimestampMs = 4001 },
        ], CancellationToken.None).Within();
        await server.Completion.Within();
    }

    [Fact]
    public async Task WriteAsync_ServerGone_ThrowsARetryableError()
    {
        await using var server = new ScriptedBoltServer(StubScripts.Login + "C: BEGIN {}\nS: <EXIT>\n");
        await using var driver = StubScripts.Driver(server);
        var ex = await Assert.ThrowsAnyAsync<Errors.Neo4jException>(() => new Neo4jEventWriter(driver).WriteAsync(
            [new GraphEvent { EventId = "f1", Kind = GraphEventKind.Follow, UserId = "a", TargetId = "b", TimestampMs = 1 }], CancellationToken.None).Within());
        Assert.True(ex.CanBeRetried);
    }

    private static string Run(string statement, string rows) => $$"""
        C: RUN {{ScriptJson.Render(statement)}} {"rows":{{rows}}} {}
        C: PULL {"n":1000}
        S: SUCCESS {"fields":[]}
        S: SUCCESS {"type":"w"}

        """;
}
