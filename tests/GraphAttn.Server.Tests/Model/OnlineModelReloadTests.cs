using GraphAttn.Contracts.V1;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Graph;
using GraphAttn.Graph.Live;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Server.Tests.Model;

/// <summary>
/// Online embeddings follow the served snapshot's model: when a snapshot of a re-trained model arrives (its checkpoint
/// written over GraphAttn:Model:CheckpointPath), the server loads that checkpoint for online embeddings.
/// </summary>
public sealed class OnlineModelReloadTests
{
    [Fact]
    public async Task SnapshotOfANewModel_Swapped_OnlineEmbeddingsComeFromTheNewModel()
    {
        var graph = SampleGraphs.Random(users: 60, contents: 50, seed: 8);
        using var folder = new TempFolder();
        string snapshots = Directory.CreateDirectory(Path.Combine(folder.Path, "snapshots")).FullName;
        string checkpoint = Path.Combine(folder.Path, "checkpoint");
        string first = WriteModel(graph, checkpoint, snapshots, seed: 1, minute: 0);
        var settings = new Dictionary<string, string?>
        {
            ["GraphAttn:Model:Mode"] = "snapshots",
            ["GraphAttn:Model:SnapshotFolder"] = snapshots,
            ["GraphAttn:Model:CheckpointPath"] = checkpoint,
            ["GraphAttn:Model:DataPath"] = Path.Combine(folder.Path, "data"),
            ["GraphAttn:Model:WatchFolder"] = "false",
            ["GraphAttn:Model:PollSeconds"] = "3600",
        };
        await using var host = await TestServerHost.StartAsync(graph, settings);
        await WaitForAsync(() => host.Models.Online?.ModelId == first);

        string second = WriteModel(graph, checkpoint, snapshots, seed: 2, minute: 1);
        await host.Models.Store!.ReloadAsync().Within();
        Assert.Equal(second, host.Models.Store.Current!.Value.Header.ModelId);
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);
        var events = new EventService.EventServiceClient(host.Channel);
        await events.RecordInteractionAsync(new RecordInteractionRequest { UserId = graph.Users[3], ContentId = graph.Contents[7], Kind = GraphAttn.Contracts.V1.InteractionKind.Like }).Within();
        await client.RecommendContentAsync(new RecommendContentRequest { UserId = graph.Users[3], Limit = 3 }).Within(); // sees the swap
        await WaitForAsync(() => host.Models.Online?.ModelId == second);

        var answer = await client.RecommendContentAsync(new RecommendContentRequest { UserId = graph.Users[3], Limit = 3 }).Within();
        var info = await new AdminService.AdminServiceClient(host.Channel).GetServiceInfoAsync(new GetServiceInfoRequest()).Within();

        Assert.NotEqual(first, second);
        Assert.Equal(("gat", second), (answer.Provenance.Method, answer.Provenance.ModelVersion));
        Assert.True(info.Model.OnlineEmbeddings);
        // The new model embedded that user (live event), through the new checkpoint's online embedder.
        Assert.Equal(1, host.Models.Online!.Computed);
        Assert.NotNull(host.Models.Online.Get(graph, 3, LiveFollow(graph, 3, 5)));
    }

    // User `user`'s overlay after one live follow applied as event number `version` (a version the cache has not seen).
    private static UserOverlay LiveFollow(SocialGraph graph, int user, long version)
    {
        var live = LiveGraph.Fresh(graph, 0);
        var target = graph.Users[(user + 1) % graph.UserCount];
        live.Apply(new GraphEvent { EventId = "reload", Kind = GraphEventKind.Follow, UserId = graph.Users[user], TargetId = target, TimestampMs = 1 }, version);
        return UserOverlay.Of(live, user);
    }

    // Saves an untrained model (seeded) as the checkpoint and writes its snapshot; returns its model id.
    private static string WriteModel(SocialGraph graph, string checkpoint, string snapshots, int seed, int minute)
    {
        using var model = UntrainedModels.Untrained(graph, seed: seed);
        var metadata = UntrainedModels.Metadata(graph) with { CreatedUtc = new DateTime(2026, 11, 25, 3, minute, 0, DateTimeKind.Utc) };
        Checkpoint.Save(checkpoint, model, metadata, CheckpointIds.Of(graph));
        var snapshot = SnapshotBuilder.Build(model, metadata, CheckpointIds.Of(graph), graph, new EmbedOptions());
        string path = Path.Combine(snapshots, $"model-{seed}.gasnap");
        SnapshotWriter.Write(snapshot, path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(minute));
        return ModelIdentity.Of(metadata);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TestTimeouts.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
