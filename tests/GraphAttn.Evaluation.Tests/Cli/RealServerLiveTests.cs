using GraphAttn.Evaluation.Exports;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Evaluation.Splits;
using GraphAttn.Evaluation.Tests.Support;
using GraphAttn.Graph;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Evaluation.Tests.Cli;

public sealed class RealServerLiveTests
{
    [Fact]
    public async Task Eval_LiveAgainstGraphAttnServer_MatchesOfflineProductBaseline()
    {
        using var folder = new TempFolder();
        var seeds = Path.Combine(folder.Path, "seeds");
        var graph = ClusteredGraph.Build();
        GraphSeedsWriter.Write(graph, seeds);
        var split = DatasetSplitter.Split(graph);
        var splitFile = Path.Combine(folder.Path, "split.tsv");
        SplitFile.Save(splitFile, split, graph);
        var train = TrainGraph.Build(graph, split);

        // The real service composition, serving the split's training graph (no snapshot: the product baselines).
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddGraphAttn();
        builder.Services.AddSingleton<IGraphSource>(new FixedSource(train));
        await using var app = builder.Build();
        app.MapGraphAttn();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await app.Services.GetRequiredService<GraphLoader>().FirstLoad.WaitAsync(TimeSpan.FromSeconds(30));
        var server = app.GetTestServer();
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var outDir = Path.Combine(folder.Path, "out");

        // On validation items only training items are excluded, which is what a server holding the training graph excludes.
        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--on", "valid", "--methods", "recency-pop,adamic-adar", "--k", "5,10", "--live", "test-server", "--out", outDir],
            _ => new GrpcLiveRecommender(channel));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offline = report.Results.Single(r => r.Method == "recency-popularity");
        var live = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        foreach (var key in offline.Metrics.Keys) Assert.Equal(offline.Metrics[key], live.Metrics[key], 12);
        // The server never proposes a friend with score 0, the offline ranking pads with them: live can only lose hits.
        var offlineFriends = report.Results.Single(r => r.Method == "adamic-adar");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        Assert.InRange(liveFriends.Metrics["Recall@10"], 0.0, offlineFriends.Metrics["Recall@10"] + 1e-12);
        Assert.True(liveFriends.Metrics["Recall@10"] > 0);
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class FixedSource(SocialGraph graph) : IGraphSource
    {
        public string Describe => "fixed:test";

        public Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct) => Task.FromResult(graph);
    }
}
