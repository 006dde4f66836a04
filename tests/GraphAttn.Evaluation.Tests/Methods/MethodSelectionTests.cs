using GraphAttn.Evaluation.Methods;
using GraphAttn.Graph;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Evaluation.Tests.Methods;

/// <summary>A method registered for both tasks (as the model is) is evaluated on both; task words select one task.</summary>
public sealed class MethodSelectionTests
{
    private static readonly MethodChoice ContentPop = new("pop", EvaluationRunner.ContentTask);
    private static readonly MethodChoice ContentBoth = new("both", EvaluationRunner.ContentTask);
    private static readonly MethodChoice FriendsBoth = new("both", EvaluationRunner.FriendTask);
    private static readonly MethodChoice FriendsJaccard = new("jaccard", EvaluationRunner.FriendTask);

    [Fact]
    public void Choose_All_RunsADualMethodOnBothTasks()
    {
        var chosen = Catalog().Choose(["all"]);
        Assert.Contains(ContentBoth, chosen);
        Assert.Contains(FriendsBoth, chosen);
        Assert.Equal(chosen.Count, chosen.Distinct().Count());
    }

    [Fact]
    public void Choose_TaskWords_SelectOneTask()
    {
        var catalog = Catalog();
        Assert.All(catalog.Choose(["content"]), c => Assert.Equal(EvaluationRunner.ContentTask, c.Task));
        Assert.Contains(ContentBoth, catalog.Choose(["content"]));
        Assert.All(catalog.Choose(["friends"]), c => Assert.Equal(EvaluationRunner.FriendTask, c.Task));
        Assert.Contains(FriendsBoth, catalog.Choose(["friends"]));
    }

    [Fact]
    public void Choose_Names_SelectEveryTaskTheyHave_InOrder_WithoutRepeats() =>
        Assert.Equal([ContentPop, ContentBoth, FriendsBoth, FriendsJaccard], Catalog().Choose(["pop", "both", "jaccard", "pop"]));

    [Fact]
    public void Choose_UnknownName_ThrowsNamingIt() =>
        Assert.Contains("nope", Assert.Throws<ArgumentException>(() => Catalog().Choose(["pop", "nope"])).Message);

    [Fact]
    public void Run_DualMethod_ReportsARowPerTask()
    {
        var graph = ClusteredGraph.Build();
        var report = new EvaluationRunner(Catalog(), new Ranking.Evaluators.EvaluatorOptions { Ks = [10] })
            .Run(graph, DatasetSplitter.Split(graph), "clustered", ["both"]);
        Assert.Equal([EvaluationRunner.ContentTask, EvaluationRunner.FriendTask], report.Results.Select(r => r.Task));
    }
    [Fact]
    public void Run_FriendsOnlyGraph_SkipsContentWithALineAndRanksFriends()
    {
        // Two cliques of six joined by one tie, no content: the shape of SNAP ego-Facebook.
        var builder = new GraphBuilder();
        for (var u = 0; u < 12; u++) builder.AddUser($"u{u}", $"U{u}");
        for (var a = 0; a < 12; a++)
            for (var b = 0; b < 12; b++)
                if (a != b && a / 6 == b / 6) builder.AddFollow($"u{a}", $"u{b}");
        builder.AddFollow("u0", "u6");
        var graph = builder.Build();
        var lines = new List<string>();

        var report = new EvaluationRunner(Catalog(), new Ranking.Evaluators.EvaluatorOptions { Ks = [5] })
            .Run(graph, DatasetSplitter.Split(graph), "friends only", ["all"], log: lines.Add);

        Assert.All(report.Results, r => Assert.Equal(EvaluationRunner.FriendTask, r.Task));
        Assert.Contains(report.Results, r => r.Method == "both");
        Assert.Contains(lines, l => l.StartsWith("content: skipped", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new EvaluationRunner(Catalog(), new Ranking.Evaluators.EvaluatorOptions { Ks = [5] })
            .Run(graph, DatasetSplitter.Split(graph), "friends only", ["content"]));
    }

    // "both" answers both tasks with one scorer, as the model does.
    private static MethodCatalog Catalog()
    {
        var catalog = MethodCatalog.Default();
        catalog.AddContent("both", m => new Both(m.Train));
        catalog.AddFriend("both", m => new Both(m.Train));
        return catalog;
    }

    private sealed class Both(SocialGraph graph) : IContentScorer, IFriendScorer
    {
        public string Name => "both";

        public void ScoreContent(int user, Span<float> scores)
        {
            for (var c = 0; c < scores.Length; c++) scores[c] = graph.ContentUsers.Degree(c);
        }

        public void ScoreUsers(int user, Span<float> scores)
        {
            for (var v = 0; v < scores.Length; v++) scores[v] = graph.Followers.Degree(v);
        }
    }
}
