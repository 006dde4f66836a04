using GraphAttn.Cli.Methods;
using GraphAttn.Evaluation.Methods;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Cli.Tests.Methods;

public sealed class GraphAttnMethodTests
{
    [Fact]
    public void Register_Catalog_TrainsOnceAndScoresBothTasks()
    {
        var catalog = MethodCatalog.Default();
        GraphAttnMethod.Register(catalog, new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4 },
            new TrainOptions { Epochs = 2, BatchSize = 256 });
        var graph = CommunityGraph.Build();
        var context = new MethodContext(graph, GraphViews.Interacted(graph), Neighbourhood.Undirected(graph), 5);
        var content = catalog.Content(GraphAttnMethod.Name, context);
        var friends = catalog.Friend(GraphAttnMethod.Name, context);
        Assert.Same(content, friends);
        var scores = new float[graph.ContentCount];
        content.ScoreContent(0, scores);
        Assert.All(scores, s => Assert.True(float.IsFinite(s)));
        Assert.Contains(scores, s => s != 0f);
    }

    [Fact]
    public void CarveValidation_HoldsOutATenthOfEachUsersItems_DisjointFromWhatItTrainsOn()
    {
        var graph = CommunityGraph.Build();
        var (train, validation) = GraphAttnMethod.CarveValidation(graph, seed: 5);
        var kept = GraphViews.Interacted(train);
        var all = GraphViews.Interacted(graph);
        Assert.True(validation.NonZeroCount > 0);
        Assert.Equal(all.NonZeroCount, kept.NonZeroCount + validation.NonZeroCount);
        Assert.All(validation.Pairs(), p => Assert.False(kept.Contains(p.Row, p.Column)));
        Assert.All(validation.Pairs(), p => Assert.True(all.Contains(p.Row, p.Column)));
        Assert.InRange(validation.NonZeroCount, all.NonZeroCount / 20, all.NonZeroCount / 5);
    }
}
