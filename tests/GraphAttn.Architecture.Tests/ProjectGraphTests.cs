namespace GraphAttn.Architecture.Tests;

/// <summary>
/// Dependencies point one way (architecture.md): Graph and Contracts at the bottom, Ranking on Graph; Model, Serving,
/// Evaluation, Neo4j and Seeds on those; Embedding on Model, Serving and Neo4j; Server and Cli on top. Every reference
/// a project may have is listed here, so a new one is a decision made in this file, not an accident.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GraphAttn.Contracts"] = [],
        ["GraphAttn.Graph"] = [],
        ["GraphAttn.Ranking"] = ["GraphAttn.Graph"],
        ["GraphAttn.Model"] = ["GraphAttn.Graph", "GraphAttn.Ranking"],
        ["GraphAttn.Serving"] = ["GraphAttn.Graph", "GraphAttn.Ranking", "GraphAttn.Contracts"],
        ["GraphAttn.Evaluation"] = ["GraphAttn.Graph", "GraphAttn.Ranking", "GraphAttn.Contracts"],
        ["GraphAttn.Neo4j"] = ["GraphAttn.Graph"],
        ["GraphAttn.Seeds"] = ["GraphAttn.Graph"],
        ["GraphAttn.Embedding"] = ["GraphAttn.Graph", "GraphAttn.Ranking", "GraphAttn.Model", "GraphAttn.Serving", "GraphAttn.Neo4j"],
        ["GraphAttn.Server"] = ["GraphAttn.Contracts", "GraphAttn.Graph", "GraphAttn.Ranking", "GraphAttn.Model", "GraphAttn.Serving",
            "GraphAttn.Neo4j", "GraphAttn.Embedding"],
        ["GraphAttn.Cli"] = ["GraphAttn.Contracts", "GraphAttn.Graph", "GraphAttn.Ranking", "GraphAttn.Model", "GraphAttn.Serving",
            "GraphAttn.Evaluation", "GraphAttn.Neo4j", "GraphAttn.Seeds", "GraphAttn.Embedding"],
    };

    [Fact]
    public void SourceProjects_EveryOneIsPlacedInTheLayering() =>
        Assert.Equal(Allowed.Keys.Order(), ProjectFiles.Source.Keys.Order());

    [Fact]
    public void ProjectReferences_OnlyThoseTheLayeringAllows()
    {
        var forbidden = ProjectFiles.Source
            .SelectMany(p => ProjectFiles.References(p.Value).Where(r => !Allowed[p.Key].Contains(r)).Select(r => $"{p.Key} -> {r}"))
            .ToList();
        Assert.True(forbidden.Count == 0, "forbidden ProjectReference: " + string.Join(", ", forbidden));
    }

    [Theory]
    [InlineData("GraphAttn.Model", new[] { "GraphAttn.Graph", "GraphAttn.Ranking" })]
    [InlineData("GraphAttn.Ranking", new[] { "GraphAttn.Graph" })]
    [InlineData("GraphAttn.Graph", new string[0])]
    public void Closure_ModelAndItsLeavesReachNothingAbove(string project, string[] expected) =>
        Assert.Equal(expected.Order(), Closure(project).Order());

    [Theory]
    [InlineData("GraphAttn.Server", "GraphAttn.Evaluation")]
    [InlineData("GraphAttn.Server", "GraphAttn.Seeds")]
    [InlineData("GraphAttn.Embedding", "GraphAttn.Evaluation")]
    [InlineData("GraphAttn.Serving", "GraphAttn.Model")]
    [InlineData("GraphAttn.Evaluation", "GraphAttn.Serving")]
    public void Closure_ProjectNeverReaches(string project, string unreachable) =>
        Assert.DoesNotContain(unreachable, Closure(project));

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(ProjectFiles.References(ProjectFiles.Source[project]));
        while (stack.TryPop(out var next))
        {
            if (!seen.Add(next)) continue;
            foreach (var r in ProjectFiles.References(ProjectFiles.Source[next])) stack.Push(r);
        }

        return seen;
    }
}
