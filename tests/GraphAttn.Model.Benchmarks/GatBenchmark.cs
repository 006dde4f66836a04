using GraphAttn.Model.Attention;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// One GAT layer (4 heads x 16 channels, input 64) on a random graph: fused vs reference, forward and
/// forward+backward, in the same process; plus the fused edge kernels alone against the time needed to stream the
/// bytes they touch at this machine's measured copy bandwidth. Every kernel path this machine runs is measured (the
/// general one and, where the CPU has AVX2 and FMA, the AVX2 one, <see cref="KernelPath"/>), so their ratio comes from
/// one run.
/// </summary>
internal static class GatBenchmark
{
    /// <summary>The model's layer shape, which every layer benchmark times.</summary>
    internal const int Heads = 4, Channels = 16, Features = 64;

    public static int Run(int[] args)
    {
        var (nodes, edgeCount, fusedReps) = RandomGraph.Arguments(args, defaultReps: 5);
        int referenceReps = args.ElementAtOrDefault(3) is > 0 and var r ? r : 2;
        Console.WriteLine($"threads: {Environment.ProcessorCount} cores, torch threads {get_num_threads()}");
        var edges = RandomGraph.Build(nodes, edgeCount);
        Console.WriteLine($"graph: {nodes:N0} nodes, {edgeCount:N0} random edges + self-loops = {edges.EdgeCount:N0}; H={Heads} C={Channels} F={Features}");

        manual_seed(1);
        using var layer = new GatConv("gat", Features, heads: Heads, channels: Channels);
        using var x = randn(nodes, Features).requires_grad_(true);
        // A dense output gradient, as training hands a layer. The gradient of sum() is one scalar expanded to [N, H*C]
        // (stride 0), which libtorch's products and copies handle slowly, and that penalty fell on both layers.
        using var outputGrad = randn(nodes, Heads * Channels);
        var results = new List<(string Name, double Mean, double Std)>();
        var auto = KernelPaths.Resolve(KernelPath.Auto, Heads, Channels);
        // The fused layer on the automatic path and (when that is not it) the general one, timed in alternating rounds
        // after all are warm, so neither pays the process's start-up or an idle moment's luck alone; then the reference.
        var paths = auto == KernelPath.General ? new[] { auto } : new[] { auto, KernelPath.General };
        Action Use(KernelPath path, Action action) => () => { layer.KernelPath = path; action(); };
        layer.Implementation = GatImplementation.Fused;
        // Five untimed runs each: the first calls grow glibc's heap and fault its pages in (see Measure).
        var forwards = Measure.Interleaved(fusedReps, 5, paths.Select(p => Use(p, Forward)).ToArray());
        var both = Measure.Interleaved(fusedReps, 5, paths.Select(p => Use(p, ForwardBackward)).ToArray());
        for (var k = 0; k < paths.Length; k++)
        {
            results.Add(($"Fused ({paths[k]}) forward", forwards[k].Mean, forwards[k].Std));
            results.Add(($"Fused ({paths[k]}) forward+backward", both[k].Mean, both[k].Std));
        }
        // The reference's [E, H, C] tensors (537 MB) are above glibc's mmap limit: its runs fault in fresh pages
        // however many precede, so one warm-up is enough.
        layer.Implementation = GatImplementation.Reference;
        var (rMean, rStd) = Run(referenceReps, 1, Forward);
        results.Add(("Reference forward", rMean, rStd));
        var (rbMean, rbStd) = Run(referenceReps, 1, ForwardBackward);
        results.Add(("Reference forward+backward", rbMean, rbStd));

        void Forward()
        {
            using var s = NewDisposeScope();
            using var _ = no_grad();
            layer.forward(x, x, edges);
        }

        void ForwardBackward()
        {
            using var s = NewDisposeScope();
            layer.forward(x, x, edges).backward([outputGrad]);
            layer.zero_grad();
            x.grad?.zero_();
        }

        foreach (var (name, mean, std) in results) Console.WriteLine($"layer {name,-34} {mean,10:F1} ms +- {std:F1}");
        var (reference, referenceBoth) = (results[^2].Mean, results[^1].Mean);
        for (var i = 0; i < results.Count - 2; i += 2)
            Console.WriteLine($"speed-up {results[i].Name[..^" forward".Length]} vs reference: forward {reference / results[i].Mean:F1}x, forward+backward {referenceBoth / results[i + 1].Mean:F1}x");
        KernelOnly(edges, nodes, fusedReps);
        return 0;
    }

    /// <summary>Only the fused kernels and the streaming bound (quick).</summary>
    public static int RunKernelOnly(int[] args)
    {
        var (nodes, edgeCount, reps) = RandomGraph.Arguments(args, defaultReps: 5);
        KernelOnly(RandomGraph.Build(nodes, edgeCount), nodes, reps);
        return 0;
    }

    private static (double, double) Run(int reps, int warmups, Action action) => Measure.Milliseconds(reps, action, warmups);

    private static void KernelOnly(GatEdges edges, int nodes, int reps)
    {
        // The streaming bound uses the best copy bandwidth seen on one thread or on all, before or after the kernels:
        // on some virtual machines one thread streams faster than two, and the rate drifts within a run.
        var copies = new[] { Measure.CopyBandwidthBytesPerSecond(parallel: false), Measure.CopyBandwidthBytesPerSecond(parallel: true) };
        var timed = new List<(KernelPath Path, double Forward, double ForwardStd, double Backward, double BackwardStd)>();
        foreach (var path in new[] { KernelPath.General, KernelPath.Avx2 })
            if (KernelPaths.Supported(path, Heads, Channels)) timed.Add(KernelOnly(edges, nodes, reps, path));
        copies = [.. copies, Measure.CopyBandwidthBytesPerSecond(parallel: false), Measure.CopyBandwidthBytesPerSecond(parallel: true)];
        var best = copies.Max();
        Console.WriteLine($"copy bandwidth (read+write bytes/s, fastest of ten copies): 1 thread {copies[0] / 1e9:F1} / {copies[2] / 1e9:F1} GB/s, " +
            $"{Environment.ProcessorCount} threads {copies[1] / 1e9:F1} / {copies[3] / 1e9:F1} GB/s (before / after the kernels); the bound uses {best / 1e9:F1} GB/s");
        var (fwdBytes, bwdBytes) = KernelBytes.Count(edges.EdgeCount, nodes, Heads, Channels);
        var total = fwdBytes + bwdBytes;
        foreach (var (path, fwd, fwdStd, bwd, bwdStd) in timed)
        {
            Console.WriteLine($"[{path}] kernel forward          {fwd,8:F1} ms +- {fwdStd:F1}; touches {fwdBytes / 1e6:F0} MB; streaming at {best / 1e9:F1} GB/s = {fwdBytes / best * 1e3:F1} ms; ratio {fwd / (fwdBytes / best * 1e3):F2}x");
            Console.WriteLine($"[{path}] kernel backward         {bwd,8:F1} ms +- {bwdStd:F1}; touches {bwdBytes / 1e6:F0} MB; streaming = {bwdBytes / best * 1e3:F1} ms; ratio {bwd / (bwdBytes / best * 1e3):F2}x");
            Console.WriteLine($"[{path}] kernel forward+backward {fwd + bwd,8:F1} ms; touches {total / 1e6:F0} MB; streaming = {total / best * 1e3:F1} ms; ratio {(fwd + bwd) / (total / best * 1e3):F2}x");
        }
    }

    private static unsafe (KernelPath, double, double, double, double) KernelOnly(GatEdges edges, int nodes, int reps, KernelPath path)
    {
        using var scope = NewDisposeScope();
        var h = randn(nodes, Heads, Channels);
        var aSrc = randn(nodes, Heads);
        var aDst = randn(nodes, Heads);
        var output = empty(nodes, Heads, Channels);
        var lse = empty(nodes, Heads);
        var gradOut = randn(nodes, Heads, Channels);
        var gradH = empty(nodes, Heads, Channels);
        var gradASrc = empty(nodes, Heads);
        var gradADst = empty(nodes, Heads);
        float* P(Tensor t) { fixed (byte* p = t.bytes) return (float*)p; }
        // Five untimed runs each, as for the fused layer: run alone (`kernel`), the first calls are slow.
        var (fwd, fwdStd) = Measure.Milliseconds(reps, () =>
            FusedGatKernels.Forward(edges, Heads, Channels, P(h), P(aSrc), P(aDst), P(output), P(lse), 0f, 0, path), warmups: 5);
        var fwdCpu = Measure.LastCpuMilliseconds;
        var (bwd, bwdStd) = Measure.Milliseconds(reps, () =>
            FusedGatKernels.Backward(edges, Heads, Channels, P(h), P(aSrc), P(aDst), P(lse), P(output), P(gradOut), P(gradH),
                P(gradASrc), P(gradADst), 0f, 0, path), warmups: 5);
        var bwdCpu = Measure.LastCpuMilliseconds;
        Console.WriteLine($"[{path}] kernel cpu time (all threads): forward {fwdCpu:F1} ms, backward {bwdCpu:F1} ms");
        return (path, fwd, fwdStd, bwd, bwdStd);
    }
}
