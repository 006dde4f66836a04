using GraphAttn.Cli.Tests.Support;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Reports;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class RealServerLiveTests
{
    [Fact]
    public async Task Eval_LiveAgainstGraphAttnServer_MatchesOfflineProductBaseline()
    {
        using var folder = new TempFolder();
        var (seeds, _, _, splitFile, train) = SplitSetup.Create(folder);

        // The real service composition, serving the split's training graph (no snapshot: the product baselines).
        await using var server = await TestServerHost.StartAsync(train);
        var outDir = Path.Combine(folder.Path, "out");

        // On validation items only training items are excluded, which is what a server holding the training graph excludes.
        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--on", "valid", "--methods", "server-fallback,adamic-adar", "--k", "5,10", "--live", "test-server", "--out", outDir],
            _ => new GrpcLiveRecommender(server.Channel));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offline = report.Results.Single(r => r.Method == "graph-filter+popularity");
        var live = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        foreach (var key in offline.Metrics.Keys) Assert.Equal(offline.Metrics[key], live.Metrics[key], 12);
        // The server never proposes a friend with score 0, the offline ranking pads with them: live can only lose hits.
        var offlineFriends = report.Results.Single(r => r.Method == "adamic-adar");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        Assert.InRange(liveFriends.Metrics["Recall@10"], 0.0, offlineFriends.Metrics["Recall@10"] + 1e-12);
        Assert.True(liveFriends.Metrics["Recall@10"] > 0);
    }
}
