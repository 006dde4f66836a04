using GraphAttn.Graph;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Modeling;

/// <summary>The interaction propagation against dense matrix algebra, and its sampled-edge scaling.</summary>
public sealed class InteractionPropagationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PropagatedVectors_EqualDenseLightGcnLayerMeans(int layers)
    {
        var graph = RepeatPlayGraph();
        var pairs = PropagationGraph.From(graph);
        using var scope = NewDisposeScope();
        manual_seed(5);
        var u0 = randn(graph.UserCount, 8);
        var c0 = randn(graph.ContentCount, 8);

        var (userMean, contentMean) = InteractionPropagation.LayerMeans(u0, c0, pairs, layers);
        var users = InteractionPropagation.Aggregate(contentMean, pairs.UserContents, pairs.ContentDegree, null);
        var contents = InteractionPropagation.Aggregate(userMean, pairs.ContentUsers, pairs.UserDegree, null);

        // Dense: A[u, c] = 1 / sqrt(d_u d_c) over distinct pairs; Uk+1 = A Ck, Ck+1 = A^T Uk; result = mean of layers 1..K.
        var a = DenseNormalised(graph);
        Tensor u = u0, c = c0, sumU = zeros_like(u0), sumC = zeros_like(c0);
        for (var k = 0; k < layers; k++)
        {
            (u, c) = (a.matmul(c), a.t().matmul(u));
            sumU += u;
            sumC += c;
        }
        Assert.True(users.allclose(sumU / layers, rtol: 1e-5, atol: 1e-6), "user propagation differs from the dense form");
        Assert.True(contents.allclose(sumC / layers, rtol: 1e-5, atol: 1e-6), "content propagation differs from the dense form");
    }

    [Fact]
    public void Aggregate_SampledEdges_ScaleToTheFullDegree()
    {
        using var scope = NewDisposeScope();
        var table = tensor(new float[] { 1, 2, 4, 8 }).view(4, 1);
        float[] sourceDegree = [1, 4, 1, 9];
        var all = new TargetEdges([0, 4], [0, 1, 2, 3]);
        var complete = InteractionPropagation.Aggregate(table, all, sourceDegree, null).item<float>();
        Assert.Equal(1 / 2.0 + 2 / 4.0 + 4 / 2.0 + 8 / 6.0, complete, 5); // Σ x_s / √(4 d_s)

        // The whole list marked as a sample of a degree-4 target is the same sum ...
        var same = InteractionPropagation.Aggregate(table, new TargetEdges([0, 4], [0, 1, 2, 3]) { Sampled = true }, sourceDegree, _ => 4f);
        Assert.Equal(complete, same.item<float>(), 5);
        // ... and two of four sources are scaled by 4/2: √4 / 2 · Σ x_s / √d_s.
        var half = InteractionPropagation.Aggregate(table, new TargetEdges([0, 2], [1, 3]) { Sampled = true }, sourceDegree, _ => 4f);
        Assert.Equal(2.0 / 2 * (2 / 2.0 + 8 / 3.0), half.item<float>(), 5);
    }

    [Fact]
    public void Aggregate_RepeatedSourceAndNoSources_CountOnceAndGiveZero()
    {
        using var scope = NewDisposeScope();
        var table = tensor(new float[] { 3, 5 }).view(2, 1);
        var edges = new TargetEdges([0, 3, 3], [1, 1, 0]);
        var result = InteractionPropagation.Aggregate(table, edges, [1, 1], null);
        Assert.Equal((5 + 3) / Math.Sqrt(2), result[0].item<float>(), 5);
        Assert.Equal(0f, result[1].item<float>());
    }

    [Fact]
    public void Options_PropagationLayersOutOfRange_Throw()
    {
        Assert.Throws<ArgumentException>(() => new ModelOptions { PropagationLayers = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new ModelOptions { PropagationLayers = ModelOptions.MaxPropagationLayers + 1 }.Validate());
        new ModelOptions { PropagationLayers = ModelOptions.MaxPropagationLayers }.Validate();
    }

    /// <summary>Three users, four contents; user 0 plays content 1 twice (a repeat counts once) and content 3 has no one.</summary>
    private static SocialGraph RepeatPlayGraph()
    {
        var builder = new GraphBuilder();
        for (var u = 0; u < 3; u++) builder.AddUser($"u{u}", "");
        for (var c = 0; c < 4; c++) builder.AddContent($"c{c}", "");
        (int U, int C)[] plays = [(0, 0), (0, 1), (0, 1), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)];
        var ts = 1_700_000_000_000L;
        foreach (var (u, c) in plays) builder.AddInteraction($"u{u}", $"c{c}", InteractionKind.View, ts++);
        return builder.Build();
    }

    private static Tensor DenseNormalised(SocialGraph graph)
    {
        var a = new float[graph.UserCount, graph.ContentCount];
        for (var u = 0; u < graph.UserCount; u++)
            foreach (var c in graph.Interactions.ContentOf(u)) a[u, c] = 1;
        var du = Enumerable.Range(0, graph.UserCount).Select(u => Enumerable.Range(0, graph.ContentCount).Sum(c => a[u, c])).ToArray();
        var dc = Enumerable.Range(0, graph.ContentCount).Select(c => Enumerable.Range(0, graph.UserCount).Sum(u => a[u, c])).ToArray();
        var flat = new float[graph.UserCount * graph.ContentCount];
        for (var u = 0; u < graph.UserCount; u++)
            for (var c = 0; c < graph.ContentCount; c++)
                flat[u * graph.ContentCount + c] = a[u, c] == 0 ? 0 : (float)(1 / Math.Sqrt(du[u] * dc[c]));
        return tensor(flat).view(graph.UserCount, graph.ContentCount);
    }
}
