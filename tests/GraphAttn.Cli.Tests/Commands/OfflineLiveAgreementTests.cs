using GraphAttn.Cli.Tests.Support;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph.Splits;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class OfflineLiveAgreementTests
{
    [Fact]
    public async Task Eval_LiveServerServingSameMethod_AgreesWithOffline()
    {
        using var folder = new TempFolder();
        var (seeds, graph, _, splitFile, _) = SplitSetup.Create(folder);
        var server = new FakeRecommender(graph, SplitFile.Load(splitFile, graph));
        var outDir = Path.Combine(folder.Path, "out");

        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--methods", "itemknn,common-neighbours", "--k", "5,10", "--live", "fake:1", "--out", outDir],
            address => address == "fake:1" ? server : throw new ArgumentException(address));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offlineContent = report.Results.Single(r => r.Method == "ItemKNN");
        var liveContent = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        var offlineFriends = report.Results.Single(r => r.Method == "common-neighbours");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        foreach (var key in offlineContent.Metrics.Keys) Assert.Equal(offlineContent.Metrics[key], liveContent.Metrics[key], 12);
        // AUC needs scores of sampled non-edges, which a top-K answer does not carry; every ranking metric must agree.
        foreach (var key in offlineFriends.Metrics.Keys.Where(k => k != "AUC"))
            Assert.Equal(offlineFriends.Metrics[key], liveFriends.Metrics[key], 12);
        Assert.True(server.Calls > 0);
    }
}
