using GraphAttn.Cli.Tests.Support;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph.Loading.GraphSeeds;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _seeds;

    public EvalCommandTests()
    {
        _seeds = Path.Combine(_folder.Path, "seeds");
        GraphSeedsWriter.Write(ClusteredGraph.Build(), _seeds);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eval_SeedsFolder_PrintsTableAndWritesReports()
    {
        var outDir = Path.Combine(_folder.Path, "report");
        var (code, stdout, stderr) = await EvalCommandRunner.Run([_seeds, "--k", "5,10", "--out", outDir]);
        Assert.True(code == 0, stderr);
        Assert.Contains("| ItemKNN |", stdout);
        Assert.Contains("| adamic-adar |", stdout);
        foreach (var file in new[] { "report.json", "report.md", "content-recall.png", "content-ndcg.png", "friends-recall.png", "friends-ndcg.png" })
            Assert.True(new FileInfo(Path.Combine(outDir, file)).Length > 0, file);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var catalog = GraphAttn.Evaluation.Methods.MethodCatalog.Default();
        Assert.Equal(catalog.ContentNames.Count + catalog.FriendNames.Count, report.Results.Count);
        Assert.Equal(stdout, await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")));
        Assert.All(report.ForTask("friends"), r => Assert.InRange(r.Metrics["AUC"], 0.0, 1.0));
    }

    [Fact]
    public async Task Eval_GateNotMet_ExitsTwo()
    {
        var (code, _, stderr) = await EvalCommandRunner.Run([_seeds, "--methods", "pop", "--fail-below", "Recall@10=0.99"]);
        Assert.Equal(2, code);
        Assert.Contains("quality gate failed: Pop Recall@10", stderr);
    }

    [Fact]
    public async Task Eval_GateMetForNamedMethod_ExitsZero()
    {
        var (code, _, stderr) = await EvalCommandRunner.Run([_seeds, "--methods", "itemknn,pop", "--fail-below", "itemknn:Recall@10=0.3"]);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public async Task Eval_GateNamesUnevaluatedMetric_ExitsTwo()
    {
        var (code, _, stderr) = await EvalCommandRunner.Run([_seeds, "--methods", "pop", "--fail-below", "AUC=0.5"]);
        Assert.Equal(2, code);
        Assert.Contains("no evaluated method reports AUC", stderr);
    }

    [Theory]
    [InlineData("--k", "ten")]
    [InlineData("--methods", "magic")]
    [InlineData("--split", "sideways")]
    [InlineData("--fail-below", "Recall@10")]
    [InlineData("--live", "http://127.0.0.1:1")]
    public async Task Eval_BadOption_ExitsOneWithMessage(string option, string value)
    {
        var (code, _, stderr) = await EvalCommandRunner.Run([_seeds, option, value]);
        Assert.Equal(1, code);
        Assert.StartsWith("eval: ", stderr.Split('\n').Last(l => l.Length > 0));
    }

    [Fact]
    public async Task Eval_SavedSplitReused_SameMetrics()
    {
        var splitFile = Path.Combine(_folder.Path, "split.tsv");
        string a = Path.Combine(_folder.Path, "a"), b = Path.Combine(_folder.Path, "b");
        var first = await EvalCommandRunner.Run([_seeds, "--methods", "itemknn,jaccard", "--seed", "7", "--save-split", splitFile, "--out", a]);
        var second = await EvalCommandRunner.Run([_seeds, "--methods", "itemknn,jaccard", "--split", splitFile, "--seed", "7", "--out", b]);
        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        var ra = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(a, "report.json")));
        var rb = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(b, "report.json")));
        Assert.Equal(ra.Split, rb.Split);
        for (var i = 0; i < ra.Results.Count; i++) Assert.Equal(ra.Results[i].Metrics, rb.Results[i].Metrics);
    }

    [Fact]
    public async Task Eval_BrokenDataset_ExitsOneNamingFileAndLine()
    {
        await File.AppendAllTextAsync(Path.Combine(_seeds, "follows.csv"), "u000,nobody,0\n");
        var (code, _, stderr) = await EvalCommandRunner.Run([_seeds]);
        Assert.Equal(1, code);
        Assert.Contains("follows.csv:", stderr);
        Assert.Contains("nobody", stderr);
    }
}
