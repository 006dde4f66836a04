using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>Times the full model's forward and forward+backward on a graph-seeds folder.</summary>
internal static class StepBenchmark
{
    public static int Run(string folder, int reps)
    {
        var graph = new CsvGraphSource(folder).Load();
        var options = new ModelOptions();
        using var inputs = new GraphInputs(graph, options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        model.train();
        var d = options.Dimension;
        using var gat = new GraphAttn.Model.Attention.GatConv("g", d, targetFeatures: d, heads: 4, channels: d / 4);
        using var history = new HistoryEncoder("h", d, options);
        using var u = randn(graph.UserCount, d);
        using var c = randn(graph.ContentCount, d);
        Console.WriteLine($"follow gat {Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); gat.forward(u, u, inputs.Follows); }).Mean:F1} ms cpu {Measure.LastCpuMilliseconds:F1}");
        Console.WriteLine($"follow kernel only {Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); GraphAttn.Model.Attention.FusedEdgeAttention.apply(randn(graph.UserCount, 4, d / 4), randn(graph.UserCount, 4), randn(graph.UserCount, 4), inputs.Follows, 0f, 0UL, GraphAttn.Model.Attention.KernelPath.Auto); }).Mean:F1} ms cpu {Measure.LastCpuMilliseconds:F1}");
        Console.WriteLine($"content->user gat {Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); gat.forward(c, u, inputs.ContentToUsers); }).Mean:F1} ms");
        Console.WriteLine($"history {Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); history.forward(c, inputs.HistoryTensors); }).Mean:F1} ms cpu {Measure.LastCpuMilliseconds:F1}");
        Console.WriteLine($"matmul 2000x64x64 {Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); u.matmul(randn(d, d)); }).Mean:F1} ms");
        var (fwd, fwdStd) = Measure.Milliseconds(reps, () => { using var s = NewDisposeScope(); model.forward(inputs); });
        Console.WriteLine($"model forward {fwd:F1} ms +- {fwdStd:F1} (cpu {Measure.LastCpuMilliseconds:F1} ms)");
        var (both, bothStd) = Measure.Milliseconds(reps, () =>
        {
            using var s = NewDisposeScope();
            var o = model.forward(inputs);
            (o.Users.sum() + o.Contents.sum() + o.Friends.sum()).backward();
        });
        Console.WriteLine($"model forward+backward {both:F1} ms +- {bothStd:F1} (cpu {Measure.LastCpuMilliseconds:F1} ms)");
        return 0;
    }
}
