using GraphAttn.Model.Attention;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Attention;

public sealed class AttentionCoefficientTests
{
    [Fact]
    public void Coefficients_RandomGraph_SumToOnePerTargetAndHead()
    {
        var edges = RandomGraphs.Homogeneous(nodes: 200, edges: 2000, seed: 5, addSelfLoops: true);
        using var layer = new GatConv("gat", 8, heads: 4, channels: 4);
        using var x = randn(200, 8) * 10; // large logits exercise the max shift
        var alpha = layer.AttentionCoefficients(x, x, edges);
        for (var t = 0; t < edges.TargetCount; t++)
            for (var k = 0; k < 4; k++)
            {
                var sum = 0.0;
                for (var e = edges.TargetOffsets[t]; e < edges.TargetOffsets[t + 1]; e++)
                {
                    Assert.InRange(alpha[e * 4 + k], 0f, 1f);
                    sum += alpha[e * 4 + k];
                }
                Assert.Equal(1.0, sum, 5);
            }
    }

    [Fact]
    public void Coefficients_RandomGraph_MatchReferenceAlpha()
    {
        var edges = RandomGraphs.Bipartite(sources: 50, targets: 40, edges: 600, seed: 6);
        using var scope = NewDisposeScope();
        var h = randn(50, 3, 4);
        var aSrc = randn(50, 3) * 5;
        var aDst = randn(40, 3) * 5;
        var (_, alpha) = ReferenceEdgeAttention.Apply(h, aSrc, aDst, edges, 0f, 0);
        var fused = FusedGatKernels.Coefficients(edges, 3, aSrc.data<float>().ToArray(), aDst.data<float>().ToArray());
        TensorAssert.Close(tensor(fused).view(-1, 3), alpha, 1e-5, "alpha");
    }

    [Fact]
    public void Forward_HandBuiltGraph_AveragesWhenLogitsAreEqual()
    {
        // 4 nodes, edges 1->0, 2->0, 3->0 plus self-loops; zero attention vectors give equal logits, so node 0's
        // output is the mean of the projected rows of nodes 0..3.
        var edges = GatEdges.FromPairs([1, 2, 3, 3], [0, 0, 0, 3], 4, 4, addSelfLoops: true);
        using var layer = new GatConv("gat", 2, heads: 1, channels: 2, bias: false);
        foreach (var (name, p) in layer.named_parameters())
            using (no_grad())
                if (name.StartsWith("att")) p.zero_();
                else p.copy_(eye(2));
        using var x = tensor(new float[] { 1, 0, 0, 1, 2, 2, 4, 0 }).view(4, 2);
        using var output = layer.forward(x, x, edges);
        Assert.Equal(new[] { 1.75f, 0.75f }, output[0].data<float>().ToArray());
        Assert.Equal(new[] { 0f, 1f }, output[1].data<float>().ToArray());
        Assert.Equal(new[] { 4f, 0f }, output[3].data<float>().ToArray());
    }

    [Theory]
    [InlineData(GatImplementation.Fused)]
    [InlineData(GatImplementation.Reference)]
    public void Forward_TargetWithoutEdges_OutputsOnlyBias(GatImplementation implementation)
    {
        // Targets 1 and 2 have no in-edges, so their aggregate is a zero row and the output is exactly the bias. A
        // non-zero bias, unlike the zero one the layer starts with, makes a bias that is never added fail the test.
        var edges = GatEdges.FromPairs([0], [0], 2, 3, addSelfLoops: false);
        using var layer = new GatConv("gat", 4, targetFeatures: 4, heads: 2, channels: 3) { Implementation = implementation };
        var bias = new[] { 0.5f, -1.25f, 2f, 3.75f, -0.125f, 1f };
        using (no_grad())
        using (var values = tensor(bias))
            layer.named_parameters().Single(p => p.name == "bias").parameter.copy_(values);
        using var x = randn(2, 4);
        using var y = randn(3, 4);
        using var output = layer.forward(x, y, edges); // [3, H*C]
        Assert.Equal(bias, output[1].data<float>().ToArray());
        Assert.Equal(bias, output[2].data<float>().ToArray());
    }
}
