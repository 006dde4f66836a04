using System.Text.Json.Nodes;
using GraphAttn.Contracts.V1;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Server.Tests.Model;

/// <summary>
/// The embedded default with the real model: baselines answer at once, the server trains in the background, embeds,
/// swaps to the model; a restart on the same graph reuses the cached checkpoint and snapshot, unless the checkpoint
/// is stale; live events are embedded
/// online by the model.
/// </summary>
[Collection(nameof(ModelTrainingCollection))]
public sealed class InProcessModelTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task EmbeddedMode_BaselinesFirst_ThenTrainsEmbedsAndSwapsToModel_RestartReusesCheckpointUnlessStale()
    {
        using var data = new TempFolder();
        var settings = Settings(data.Path);
        var source = StubGraphSource.Ready(() => TestGraphs.Clustered());
        string checkpointJson;
        var gate = new ModelStartGate(); // training on this small graph can finish before a first request arrives
        await using (var host = await TestServerHost.StartAsync(source, settings: settings, gate: gate))
        {
            var first = await Content(host, "u00");
            gate.Open();
            await host.Services.GetRequiredService<ModelLifecycleService>().Settled.WaitAsync(Budget);
            var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();
            var after = await Content(host, "u00", explain: true);

            Assert.Equal("baseline", first.Provenance.Method);
            Assert.True(info.Model.Live == "gat", $"{info.Model.Phase}: {info.Model.Detail}");
            Assert.Equal(ModelPhase.Live, info.Model.Phase);
            Assert.True(info.Model.OnlineEmbeddings);
            Assert.Equal(("gat", info.Model.ModelId), (after.Provenance.Method, after.Provenance.ModelVersion));
            Assert.Equal(10, after.Items.Count);
            Assert.Contains(after.Items, i => i.Reasons.Any(r => r.Kind is ReasonKind.FriendsEngaged or ReasonKind.SimilarToHistory));
            checkpointJson = Directory.GetFiles(Path.Combine(data.Path, "checkpoints"), "checkpoint.json", SearchOption.AllDirectories).Single();
            // The friend score's β and the content score's γ travel checkpoint -> snapshot -> service info.
            var recorded = GraphAttn.Model.Checkpoints.Checkpoint.ReadMetadata(Path.GetDirectoryName(checkpointJson)!);
            Assert.True(recorded.Training.FriendStructure);
            Assert.Equal((float)recorded.FriendStructureWeight, info.Model.FriendStructureWeight);
            Assert.Equal((float)recorded.ContentFilterWeight, info.Model.ContentFilterWeight);
        }

        var trainedAt = File.GetLastWriteTimeUtc(checkpointJson);
        await using (var again = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Clustered()), settings: settings))
        {
            var content = await Content(again, "u00"); // the snapshot in the folder answers from the start
            await again.Services.GetRequiredService<ModelLifecycleService>().Settled.WaitAsync(Budget);
            var info = await new AdminService.AdminServiceClient(again.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();

            Assert.Equal("gat", content.Provenance.Method);
            Assert.Equal(ModelPhase.Live, info.Model.Phase);
            Assert.Equal(trainedAt, File.GetLastWriteTimeUtc(checkpointJson)); // not trained again
            Assert.Single(Directory.GetFiles(Path.Combine(data.Path, "snapshots"), "*.gasnap"));
        }

        // A checkpoint an older release wrote (no fitted β for the friend score) is not reused: the server trains again.
        var stale = JsonNode.Parse(File.ReadAllText(checkpointJson))!.AsObject();
        stale["FriendValidation"] = new JsonObject();
        stale["FriendStructureWeight"] = 0;
        File.WriteAllText(checkpointJson, stale.ToJsonString());
        var staleAt = File.GetLastWriteTimeUtc(checkpointJson);
        await using (var third = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Clustered()), settings: settings))
        {
            await third.Services.GetRequiredService<ModelLifecycleService>().Settled.WaitAsync(Budget);
            var info = await new AdminService.AdminServiceClient(third.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();
            var retrained = GraphAttn.Model.Checkpoints.Checkpoint.ReadMetadata(Path.GetDirectoryName(checkpointJson)!);

            Assert.Equal(ModelPhase.Live, info.Model.Phase);
            Assert.NotEqual(staleAt, File.GetLastWriteTimeUtc(checkpointJson));
            Assert.NotEmpty(retrained.FriendValidation);
            Assert.Equal((float)retrained.FriendStructureWeight, info.Model.FriendStructureWeight);
        }
    }

    [Fact]
    public async Task EmbeddedMode_LiveInteractions_EmbeddedOnlineByTheModel_NextAnswerMovesTowardThem()
    {
        using var data = new TempFolder();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Clustered()), settings: Settings(data.Path));
        await host.Services.GetRequiredService<ModelLifecycleService>().Settled.WaitAsync(Budget);
        var events = new EventService.EventServiceClient(host.Channel);

        // u00 is into music (even items); they now play many sport items (odd ids).
        var before = await Content(host, "u00");
        foreach (var c in new[] { "c001", "c003", "c005", "c007", "c009", "c011", "c013", "c015", "c017", "c019" })
            await events.RecordInteractionAsync(new RecordInteractionRequest
            {
                UserId = "u00",
                ContentId = c,
                Kind = GraphAttn.Contracts.V1.InteractionKind.Play,
            }).Within();
        var after = await Content(host, "u00");

        static int Sport(RecommendContentResponse r) => r.Items.Count(i => int.Parse(i.ContentId[1..]) % 2 == 1);
        Assert.Equal("gat", after.Provenance.Method);
        Assert.True(host.Models.Online!.Computed >= 1, "the model was not run online");
        Assert.True(Sport(after) > Sport(before), $"sport items before {Sport(before)}, after {Sport(after)}");
        Assert.DoesNotContain(after.Items, i => i.ContentId == "c001"); // seen live
    }

    private static Dictionary<string, string?> Settings(string data) => new()
    {
        ["GraphAttn:Model:Mode"] = "embedded",
        ["GraphAttn:Model:DataPath"] = data,
        ["GraphAttn:Model:TrainEpochs"] = "3",
    };

    private static Task<RecommendContentResponse> Content(TestServerHost host, string user, bool explain = false) =>
        new RecommendationService.RecommendationServiceClient(host.Channel)
            .RecommendContentAsync(new RecommendContentRequest { UserId = user, Limit = 10, Explain = explain }).Within();
}

/// <summary>Tests that train a model run one at a time (CPU-heavy; parallel runs only slow each other down).</summary>
[CollectionDefinition(nameof(ModelTrainingCollection), DisableParallelization = true)]
public sealed class ModelTrainingCollection;
