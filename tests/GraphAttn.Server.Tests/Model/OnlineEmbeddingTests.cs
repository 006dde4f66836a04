using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Server.Tests.Infrastructure;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.ModelAnswers;

namespace GraphAttn.Server.Tests.Model;

/// <summary>
/// The server's use of an online embedder: for users missing from the snapshot and after live events. The embedder
/// here is a scripted stand-in that records what it was given (the real one is tested in GraphAttn.Embedding.Tests);
/// these tests check the wiring: when it is called, with which live history, and that its vector ranks the answer.
/// </summary>
public sealed class OnlineEmbeddingTests
{
    [Fact]
    public async Task RecordInteraction_NextRecommendation_UsesVectorRefreshedFromLiveHistory()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0);
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: SmallSnapshots.Settings(folder.Path));
        var embedder = new ScriptedEmbedder("test-model-0");
        host.Models.UseOnline(new OnlineEmbeddings(embedder));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);
        var events = new EventService.EventServiceClient(host.Channel);

        var before = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 1 }).Within();
        await events.RecordInteractionAsync(new RecordInteractionRequest { UserId = "ann", ContentId = "s2", Kind = GraphAttn.Contracts.V1.InteractionKind.Like }).Within();
        var after = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 2 }).Within();
        var again = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "ann", Limit = 2 }).Within();

        Assert.Equal("m3", before.Items.Single().ContentId); // snapshot row: no live events, no model call
        var call = Assert.Single(embedder.Calls);
        Assert.Equal(("ann", "s2", GraphAttn.Graph.InteractionKind.Like), (call.User, call.Recent[0].ContentId, call.Recent[0].Kind));
        Assert.Equal(["s1", "m3"], after.Items.Select(i => i.ContentId)); // sporty now, and s2 is seen
        Assert.Equal("gat", after.Provenance.Method);
        Assert.Equal(after.Items, again.Items);
        Assert.Single(embedder.Calls); // cached until the next event
    }

    [Fact]
    public async Task UserMissingFromSnapshot_EmbeddedOnline_ElseBaselines()
    {
        using var folder = new TempFolder();
        SmallSnapshots.Write(folder.Path, 0); // has no "fay"
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small(extraUser: "fay")),
            settings: SmallSnapshots.Settings(folder.Path));
        var client = new RecommendationService.RecommendationServiceClient(host.Channel);

        var withoutModel = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "fay", Limit = 1 }).Within();
        host.Models.UseOnline(new OnlineEmbeddings(new ScriptedEmbedder("test-model-0")));
        var withModel = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "fay", Limit = 1 }).Within();
        host.Models.UseOnline(new OnlineEmbeddings(new ScriptedEmbedder("another-model")));
        var otherModel = await client.RecommendContentAsync(new RecommendContentRequest { UserId = "fay", Limit = 1 }).Within();

        Assert.Equal("baseline", withoutModel.Provenance.Method); // no history, no followees: no neighbour average either
        Assert.Equal(("gat", "s1"), (withModel.Provenance.Method, withModel.Items.Single().ContentId));
        Assert.Equal("baseline", otherModel.Provenance.Method); // vectors of another model are not comparable
    }

    /// <summary>Returns the sport direction for anyone; records each call's user and live history.</summary>
    private sealed class ScriptedEmbedder(string modelId) : IOnlineUserEmbedder
    {
        public List<(string User, IReadOnlyList<LiveInteraction> Recent)> Calls { get; } = [];

        public string ModelId => modelId;

        public OnlineUserVector? Embed(SocialGraph graph, int user, UserOverlay overlay)
        {
            lock (Calls) Calls.Add((graph.Users[user], overlay.Recent));
            return new OnlineUserVector([0f, 1f], [0f, 1f], UserAttention.None);
        }
    }
}
