using GraphAttn.Cli.Tests.Support;
using GraphAttn.Contracts.V1;
using GraphAttn.Evaluation.Live;
using GraphAttn.Evaluation.Reports;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Splits;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphAttn.Cli.Tests.Commands;

public sealed class GrpcLiveTests
{
    [Fact]
    public async Task Eval_LiveOverGrpc_AgreesWithOffline()
    {
        using var folder = new TempFolder();
        var (seeds, graph, _, splitFile, _) = SplitSetup.Create(folder);
        var fake = new FakeRecommender(graph, SplitFile.Load(splitFile, graph));

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(fake);
        await using var app = builder.Build();
        app.MapGrpcService<FakeRecommendationService>();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var server = app.GetTestServer();
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var outDir = Path.Combine(folder.Path, "out");

        var (code, _, stderr) = await EvalCommandRunner.Run(
            [seeds, "--split", splitFile, "--methods", "itemknn,common-neighbours", "--k", "5,10", "--live", "test-server", "--out", outDir],
            _ => new GrpcLiveRecommender(channel));

        Assert.True(code == 0, stderr);
        var report = JsonReport.FromJson(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json")));
        var offline = report.Results.Single(r => r.Method == "ItemKNN");
        var live = report.Results.Single(r => r.Method == "live" && r.Task == "content");
        foreach (var key in offline.Metrics.Keys) Assert.Equal(offline.Metrics[key], live.Metrics[key], 12);
        var offlineFriends = report.Results.Single(r => r.Method == "common-neighbours");
        var liveFriends = report.Results.Single(r => r.Method == "live" && r.Task == "friends");
        Assert.Equal(offlineFriends.Metrics["NDCG@10"], liveFriends.Metrics["NDCG@10"], 12);
        Assert.True(fake.Calls > 0);
        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Eval_LiveServerDown_ExitsOneNamingTheServer()
    {
        using var folder = new TempFolder();
        var seeds = Path.Combine(folder.Path, "seeds");
        GraphSeedsWriter.Write(ClusteredGraph.Build(), seeds);
        var (code, _, stderr) = await EvalCommandRunner.Run([seeds, "--methods", "pop", "--live", "http://127.0.0.1:1"]);
        Assert.Equal(1, code);
        Assert.Contains("live server http://127.0.0.1:1", stderr);
    }

    /// <summary>The proto service over <see cref="FakeRecommender"/>, as a real server would expose it.</summary>
    private sealed class FakeRecommendationService(FakeRecommender fake) : RecommendationService.RecommendationServiceBase
    {
        public override async Task<RecommendContentResponse> RecommendContent(RecommendContentRequest request, ServerCallContext context)
        {
            var reply = new RecommendContentResponse();
            foreach (var id in await fake.RecommendContentAsync(request.UserId, request.Limit, context.CancellationToken))
                reply.Items.Add(new RecommendedContent { ContentId = id });
            return reply;
        }

        public override async Task<RecommendFriendsResponse> RecommendFriends(RecommendFriendsRequest request, ServerCallContext context)
        {
            var reply = new RecommendFriendsResponse();
            foreach (var id in await fake.RecommendFriendsAsync(request.UserId, request.Limit, context.CancellationToken))
                reply.Users.Add(new RecommendedUser { UserId = id });
            return reply;
        }
    }
}
