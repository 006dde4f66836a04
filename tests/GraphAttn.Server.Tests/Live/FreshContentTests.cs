using GraphAttn.Contracts.V1;
using GraphAttn.Server.Tests.Infrastructure;

namespace GraphAttn.Server.Tests.Live;

/// <summary>Content created after the served snapshot gets a vector at sync time and is retrieved by the model.</summary>
public class FreshContentTests
{
    [Fact]
    public async Task UpsertContent_SnapshotServing_NewItemIsRecommendedByTheModelBeforeAnyReembedding()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        var settings = SmallSnapshots.Settings(folder.Path);
        settings["GraphAttn:Sync:Seconds"] = "0.1";
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings);
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);

        // Ann leans music (1, 0). A new music item's vector is the mean of m1, m2 and m3: (0.9, 0.03), above m3's 0.8.
        await new EventService.EventServiceClient(host.Channel).UpsertContentAsync(new() { ContentId = "m4", Title = "New song", TopicIds = { "music" } }).Within();
        await LiveGraphTests.Eventually(async () =>
        {
            var top = await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 2 }).Within();
            return top.Provenance.Method == "gat" && top.Items[0].ContentId == "m4";
        }, "the new item ranked first by the model");
        var top = await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 2 }).Within();
        Assert.Equal(0.9f, top.Items[0].Score, 3);

        // Seen it: excluded like any other item; a topic filter finds it.
        await new EventService.EventServiceClient(host.Channel).RecordInteractionAsync(new() { UserId = "ann", ContentId = "m4", Kind = InteractionKind.Play }).Within();
        Assert.DoesNotContain((await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 5 }).Within()).Items, i => i.ContentId == "m4");
        Assert.Contains((await recs.RecommendContentAsync(new() { UserId = "bo", Limit = 5, TopicId = "music" }).Within()).Items, i => i.ContentId == "m4");
    }

    [Fact]
    public async Task UpsertContent_CheckpointOfTheSnapshotsModelLoaded_TheModelGivesTheVector()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        var settings = SmallSnapshots.Settings(folder.Path);
        settings["GraphAttn:Sync:Seconds"] = "0.1";
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: settings);
        host.Models.UseContentEmbedder(new FixedContentEmbedder("another-model", [0f, 5f]));
        host.Models.UseContentEmbedder(new FixedContentEmbedder("test-model-0", [2f, 0f]));
        var recs = new RecommendationService.RecommendationServiceClient(host.Channel);

        await new EventService.EventServiceClient(host.Channel).UpsertContentAsync(new() { ContentId = "m4", Title = "New song", TopicIds = { "music" } }).Within();
        await LiveGraphTests.Eventually(async () => (await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 1 }).Within()).Items[0].ContentId == "m4",
            "the new item ranked by its model vector");
        // Ann (1, 0) · (2, 0): the model's vector, not the neighbour average's 0.9.
        Assert.Equal(2f, (await recs.RecommendContentAsync(new() { UserId = "ann", Limit = 1 }).Within()).Items[0].Score, 4);
    }

    private sealed class FixedContentEmbedder(string modelId, float[] vector) : GraphAttn.Serving.Embeddings.IOnlineContentEmbedder
    {
        public string ModelId => modelId;

        public float[]? Embed(GraphAttn.Graph.SocialGraph graph, int content) => vector;
    }
}
