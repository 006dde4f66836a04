using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Attention;

/// <summary>
/// The fused kernels must compute what the tensor-op oracle computes: outputs and every gradient within a relative
/// tolerance of 1e-4 (float32; the two sum in different orders).
/// </summary>
public sealed class FusedVersusReferenceTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(0f, true)]
    [InlineData(0.3f, true)]
    [InlineData(0f, false)]
    public void Forward_HomogeneousRandomGraph_MatchesReferenceOutputAndGradients(float dropout, bool concat)
    {
        var edges = RandomGraphs.Homogeneous(nodes: 300, edges: 3000, seed: 1, addSelfLoops: true);
        CompareImplementations(edges, new GatConv("gat", 12, heads: 3, channels: 5, concat: concat, dropout: dropout,
            residual: true, seed: 9), sourceRows: 300, targetRows: 300, features: 12, targetFeatures: 12);
    }

    [Fact]
    public void Forward_BipartiteWithIsolatedTargets_MatchesReferenceOutputAndGradients()
    {
        var edges = RandomGraphs.Bipartite(sources: 200, targets: 150, edges: 2000, seed: 2);
        CompareImplementations(edges, new GatConv("gat", 10, targetFeatures: 7, heads: 2, channels: 16, dropout: 0.2f,
            seed: 4), sourceRows: 200, targetRows: 150, features: 10, targetFeatures: 7);
    }

    [Theory]
    [InlineData(4, 16, 0f)]
    [InlineData(4, 16, 0.25f)]
    [InlineData(8, 8, 0.1f)]
    [InlineData(2, 32, 0f)]
    public void Forward_ModelWidthLayouts_MatchReferenceOutputAndGradients(int heads, int channels, float dropout)
    {
        // Rows of 64 floats, the model's width, split into heads several ways; a hub and isolated nodes included. Every
        // kernel path this machine can run for the layout is compared.
        var edges = RandomGraphs.Homogeneous(nodes: 400, edges: 5000, seed: 5, addSelfLoops: false);
        var paths = SupportedPaths(heads, channels);
        // Which paths are compared follows from the layout and the CPU alone: a path wrongly dropped by
        // KernelPaths.Supported would otherwise leave only the general one compared, and the test would still pass.
        // The automatic choice is the last, fastest, of them.
        KernelPath[] expected = heads == 4 && channels == 16 && Avx2.IsSupported && Fma.IsSupported
            ? [KernelPath.General, KernelPath.Avx2]
            : [KernelPath.General];
        Assert.Equal(expected, paths);
        Assert.Equal(paths[^1], KernelPaths.Resolve(KernelPath.Auto, heads, channels));
        foreach (var path in paths)
            CompareImplementations(edges, new GatConv("gat", 24, heads: heads, channels: channels, dropout: dropout, seed: 6)
            { KernelPath = path }, sourceRows: 400, targetRows: 400, features: 24, targetFeatures: 24);
    }

    [SkippableTheory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void Forward_ModelLayout_Avx2PathMatchesTheGeneralOne(float dropout)
    {
        // The AVX2 path against the general one on the model's 4 x 16 layout, bipartite with isolated targets and a
        // hub: the same sums in other orders, so the agreement is much tighter than against the reference.
        Skip.IfNot(Avx2.IsSupported && Fma.IsSupported, "the AVX2 kernel path needs AVX2 and FMA, which this CPU lacks");
        var edges = RandomGraphs.Bipartite(sources: 600, targets: 500, edges: 9000, seed: 21);
        Assert.Equal(KernelPath.Avx2, KernelPaths.Resolve(KernelPath.Auto, 4, 16));
        manual_seed(22);
        using var scope = NewDisposeScope();
        var xSrc = randn(600, 32).requires_grad_(true);
        var xDst = randn(500, 20).requires_grad_(true);
        var weight = randn(500, 64);
        var layer = new GatConv("gat", 32, targetFeatures: 20, heads: 4, channels: 16, dropout: dropout, seed: 23);
        layer.train();
        Tensor[]? general = null;
        foreach (var path in new[] { KernelPath.General, KernelPath.Avx2 })
        {
            layer.KernelPath = path;
            layer.zero_grad();
            xSrc.grad?.zero_();
            xDst.grad?.zero_();
            var output = layer.forward(xSrc, xDst, edges);
            (output * weight).sum().backward();
            layer.ResetDropoutSequence();
            Tensor[] results = [output.detach().clone(), xSrc.grad!.clone(), xDst.grad!.clone(),
                .. layer.parameters().Select(p => p.grad!.clone())];
            if (general is null) { general = results; continue; }
            for (var i = 0; i < results.Length; i++) TensorAssert.Close(results[i], general[i], 1e-5, $"{path} result {i}");
        }
    }

    /// <summary>The kernel paths this machine runs for the layout, general first.</summary>
    private static KernelPath[] SupportedPaths(int heads, int channels) =>
        Enum.GetValues<KernelPath>().Where(p => p != KernelPath.Auto && KernelPaths.Supported(p, heads, channels)).ToArray();

    [Fact]
    public void Forward_ManyRows_NarrowLogitProduct_MatchesReferenceOutputAndGradients()
    {
        // From NarrowProjection.MinRows rows on, the fused layer computes its logit halves with its own product.
        const int rows = NarrowProjection.MinRows + 100;
        var homogeneous = RandomGraphs.Homogeneous(nodes: rows, edges: 4 * rows, seed: 7, addSelfLoops: true);
        CompareImplementations(homogeneous, new GatConv("gat", 16, heads: 4, channels: 16, dropout: 0.1f, seed: 8),
            sourceRows: rows, targetRows: rows, features: 16, targetFeatures: 16);
        var bipartite = RandomGraphs.Bipartite(sources: rows, targets: rows + 7, edges: 3 * rows, seed: 9);
        CompareImplementations(bipartite, new GatConv("gat", 12, targetFeatures: 9, heads: 4, channels: 16, seed: 10),
            sourceRows: rows, targetRows: rows + 7, features: 12, targetFeatures: 9);
    }

    private static void CompareImplementations(GatEdges edges, GatConv layer, int sourceRows, int targetRows,
        int features, int targetFeatures)
    {
        manual_seed(3);
        using var scope = NewDisposeScope();
        var xSrc = randn(sourceRows, features).requires_grad_(true);
        var xDst = sourceRows == targetRows && features == targetFeatures ? xSrc : randn(targetRows, targetFeatures).requires_grad_(true);
        var weight = randn(targetRows, layer.OutputWidth);
        var results = new List<(Tensor Output, Dictionary<string, Tensor> Grads)>();
        foreach (var implementation in new[] { GatImplementation.Reference, GatImplementation.Fused })
        {
            layer.Implementation = implementation;
            layer.train();
            layer.zero_grad();
            xSrc.grad?.zero_();
            xDst.grad?.zero_();
            var output = layer.forward(xSrc, xDst, edges);
            (output * weight).sum().backward();
            var grads = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
            grads["xSrc"] = xSrc.grad!.clone();
            if (!ReferenceEquals(xDst, xSrc)) grads["xDst"] = xDst.grad!.clone();
            results.Add((output.detach().clone(), grads));
            layer.ResetDropoutSequence(); // both runs draw the same masks
        }
        TensorAssert.Close(results[1].Output, results[0].Output, Tolerance, "output");
        Assert.Equal(results[0].Grads.Keys.Order(), results[1].Grads.Keys.Order());
        foreach (var (name, expected) in results[0].Grads)
            TensorAssert.Close(results[1].Grads[name], expected, Tolerance, $"gradient of {name}");
    }
}
