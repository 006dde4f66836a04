using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class TrainingSplitTests
{
    private static readonly ModelOptions Model = new() { Dimension = 8, Heads = 2, HistoryLength = 4 };

    [Fact]
    public void Prepare_NoValidation_CarvesOnePairPerSampledUserOutOfTheGraph()
    {
        var graph = CommunityGraph.Build();
        var split = TrainingSplit.Prepare(graph, validation: null, new TrainOptions { Seed = 3, FriendStructure = false });
        Assert.True(split.Carved);
        var all = GraphViews.Interacted(graph);
        var kept = GraphViews.Interacted(split.Graph);
        // Every user with at least 3 interactions gives one (the graph has fewer than 2,000 users).
        var givers = Enumerable.Range(0, graph.UserCount).Count(u => all.RowLength(u) >= 3);
        Assert.Equal(all.NonZeroCount - givers, kept.NonZeroCount);
        Assert.NotNull(split.Validator);
    }

    [Fact]
    public void Train_NoValidation_StopsOnTheCarvedSampleAndEmbedsWithEveryInteraction()
    {
        var graph = CommunityGraph.Build();
        var result = new Trainer(Model, new TrainOptions { Epochs = 3, BatchSize = 128, Seed = 3 }).Train(graph, validation: null);
        Assert.True(result.Validation.ContainsKey(Validator.Metric));
        Assert.All(result.Epochs, e => Assert.True(e.Validation.ContainsKey(Validator.Metric)));
        using (var all = new GraphInputs(graph, Model))
            Assert.Equal(Trainer.Embed(result.Model, all).Users, result.Embeddings.Users);
        result.Inputs.Dispose();
        result.Model.Dispose();
    }

    [Fact]
    public void Train_FriendsOnly_StopsOnHeldOutFriendships()
    {
        var graph = GraphShapes.FriendsOnly();
        var result = new Trainer(Model, new TrainOptions { Epochs = 3, BatchSize = 16, Seed = 3 }).Train(graph, validation: null);
        Assert.True(result.Validation.ContainsKey(Validator.Metric), "friend held-out metrics should drive early stopping");
        result.Inputs.Dispose();
        result.Model.Dispose();
    }
}
