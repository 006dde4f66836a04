using GraphAttn.Neo4j.Graph;

namespace GraphAttn.Neo4j.Tests.Graph;

/// <summary>graph-seeds/load.cypher must write the schema Neo4jGraphSource reads by default.</summary>
public sealed class LoadCypherTests
{
    private static string LoadCypher()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "graph-seeds", "load.cypher");
            if (File.Exists(path)) return File.ReadAllText(path);
        }

        throw new FileNotFoundException("graph-seeds/load.cypher not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void LoadCypher_DefaultSchema_EveryLabelTypeAndPropertyWritten()
    {
        var script = LoadCypher();
        var s = new Neo4jSchema();
        string[] expected =
        [
            $"(u:{s.UserLabel} {{{s.UserId}:", $"u.{s.UserName} =", $"u.{s.UserJoinedAt} =",
            $"(c:{s.ContentLabel} {{{s.ContentId}:", $"c.{s.ContentTitle} =", $"c.{s.ContentCreatedAt} =",
            $"(t:{s.TopicLabel} {{{s.TopicId}:", $"t.{s.TopicName} =",
            $"[f:{s.Follows}]", $"f.{s.FollowsSince} =",
            $"[i:{s.Interacted} {{{s.InteractionKind}: row.kind, {s.InteractionTs}:", $"i.{s.InteractionWeight} =",
            $"[p:{s.Posted}]", $"p.{s.PostedTs} =", $"[:{s.Tagged}]",
        ];
        Assert.All(expected, fragment => Assert.Contains(fragment, script));
    }

    [Fact]
    public void LoadCypher_EveryWrite_IsMergeSoRerunsAreHarmless()
    {
        var script = LoadCypher();
        Assert.DoesNotContain("CREATE (", script);
        Assert.DoesNotContain("CREATE ()", script);
        Assert.Equal(7, script.Split("LOAD CSV WITH HEADERS").Length - 1);
    }
}
