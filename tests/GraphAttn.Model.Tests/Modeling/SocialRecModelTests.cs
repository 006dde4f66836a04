using GraphAttn.Model.Attention;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Modeling;

public sealed class SocialRecModelTests
{
    private static readonly ModelOptions Options = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    [Fact]
    public void Forward_CommunityGraph_GivesFiniteEmbeddingsOfDocumentedShapes()
    {
        var graph = CommunityGraph.Build();
        using var inputs = new GraphInputs(graph, Options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, Options);
        using var scope = NewDisposeScope();
        var output = model.forward(inputs);
        Assert.Equal(new long[] { graph.UserCount, 16 }, output.Users.shape);
        Assert.Equal(new long[] { graph.ContentCount, 16 }, output.Contents.shape);
        Assert.Equal(new long[] { graph.UserCount, 16 }, output.Friends.shape);
        foreach (var t in new[] { output.Users, output.Contents, output.Friends })
            Assert.True(t.isfinite().all().item<bool>(), "embeddings contain NaN or infinity (user without history?)");
    }

    [Fact]
    public void Forward_FusedAndReferenceGat_GiveSameEmbeddings()
    {
        var graph = CommunityGraph.Build();
        using var inputs = new GraphInputs(graph, Options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, Options);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var fused = model.forward(inputs);
        model.UseImplementation(GatImplementation.Reference);
        var reference = model.forward(inputs);
        TensorAssert.Close(fused.Users, reference.Users, 1e-4, "users");
        TensorAssert.Close(fused.Contents, reference.Contents, 1e-4, "contents");
    }

    [Fact]
    public void HistoryPoolWeights_AfterForward_SumToOneAndIgnorePadding()
    {
        var graph = CommunityGraph.Build();
        using var inputs = new GraphInputs(graph, Options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, Options);
        model.eval();
        using (var scope = NewDisposeScope()) model.forward(inputs);
        var weights = model.History.LastPoolWeights!;
        using var sums = weights.sum(1);
        Assert.True((sums - 1).abs().max().item<float>() < 1e-5);
        // The last user has no history: all weight on the summary token.
        Assert.Equal(1f, weights[graph.UserCount - 1, 0].item<float>(), 5);
    }
}
