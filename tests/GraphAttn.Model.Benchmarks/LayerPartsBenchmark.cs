using GraphAttn.Model.Attention;
using static GraphAttn.Model.Benchmarks.GatBenchmark;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Where a fused GAT layer's time goes outside its edge kernels (`gat-parts`): the same graph and layer as
/// <see cref="GatBenchmark"/>, timed piece by piece — the 64 × 64 projection, the C# narrow logit-half product alone
/// and libtorch's matmul of the same shapes (the comparison that decides <see cref="NarrowProjection.MinRows"/>), the
/// logit halves as the layer takes them (the product and copies of its two halves), the bias, the edge attention
/// alone and the whole layer, each forward and forward+backward with a dense random output gradient.
/// </summary>
internal static class LayerPartsBenchmark
{
    public static int Run(int[] args)
    {
        var (nodes, edgeCount, reps) = RandomGraph.Arguments(args, defaultReps: 10);
        var edges = RandomGraph.Build(nodes, edgeCount);
        manual_seed(1);
        using var scope = NewDisposeScope();
        var x = randn(nodes, Features).requires_grad_(true);
        var w = randn(Heads * Channels, Features).requires_grad_(true);
        var logitWeights = randn(Features, 2 * Heads).requires_grad_(true);
        var bias = randn(Heads * Channels).requires_grad_(true);
        var h = randn(nodes, Heads, Channels).requires_grad_(true);
        var aSrc = randn(nodes, Heads).requires_grad_(true);
        var aDst = randn(nodes, Heads).requires_grad_(true);
        var rowGrad = randn(nodes, Heads * Channels);
        var halfGrad = randn(nodes, Heads);
        var bothGrad = randn(nodes, 2 * Heads);
        using var layer = new GatConv("gat", Features, heads: Heads, channels: Channels);
        Console.WriteLine($"graph: {nodes:N0} nodes, {edges.EdgeCount:N0} edges with self-loops; path {KernelPaths.Resolve(KernelPath.Auto, Heads, Channels)}; mean of {reps} after 5 warm-ups");

        Time("projection x . W^T", () => nn.functional.linear(x, w), y => y.backward([rowGrad]));
        Time("narrow product alone", () => NarrowProjection.apply(x, logitWeights), y => y.backward([bothGrad]));
        Time("narrow product by libtorch's matmul", () => x.matmul(logitWeights), y => y.backward([bothGrad]));
        Time("logit halves (narrow product + 2 copies)", () =>
        {
            var both = NarrowProjection.apply(x, logitWeights);
            return (both.narrow(1, 0, Heads).contiguous(), both.narrow(1, Heads, Heads).contiguous());
        }, y => autograd.backward([y.Item1, y.Item2], [halfGrad, halfGrad]));
        Time("bias", () => rowGrad.add(bias), y => y.backward([rowGrad]));
        Time("edge attention", () => FusedEdgeAttention.apply(h, aSrc, aDst, edges, 0f, 0UL, KernelPath.Auto),
            y => y.backward([rowGrad.view(nodes, Heads, Channels)]));
        Time("whole layer", () => layer.forward(x, x, edges), y => y.backward([rowGrad]));
        return 0;

        void Time<T>(string name, Func<T> forward, Action<T> backward)
        {
            var (f, fStd) = Measure.Milliseconds(reps, () =>
            {
                using var s = NewDisposeScope();
                using var _ = no_grad();
                forward();
            }, warmups: 5);
            var (b, bStd) = Measure.Milliseconds(reps, () =>
            {
                using var s = NewDisposeScope();
                backward(forward());
                foreach (var t in new[] { x, w, logitWeights, bias, h, aSrc, aDst }) t.grad?.zero_();
                layer.zero_grad();
            }, warmups: 5);
            Console.WriteLine($"{name,-42} forward {f,7:F1} ms +- {fStd,4:F1} | forward+backward {b,7:F1} ms +- {bStd,4:F1}");
        }
    }
}
