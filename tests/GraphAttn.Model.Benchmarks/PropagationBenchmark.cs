using System.Globalization;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// What the interaction propagation costs a training step: <c>propagate --graph DIR [--layers K] [--reps N]</c> times
/// <see cref="SocialRecModel.Propagate"/> over the whole graph (the layer-0 gathers, the content base vectors and the
/// K - 1 hops of the layer-mean tables), forward alone and forward+backward, as every mini-batch step runs it.
/// </summary>
internal static class PropagationBenchmark
{
    public static int Run(string[] args)
    {
        var flags = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) flags[args[i]] = args[i + 1];
        if (!flags.TryGetValue("--graph", out var folder)) throw new ArgumentException("propagate needs --graph DIR");
        var layers = int.Parse(flags.GetValueOrDefault("--layers", "2"), CultureInfo.InvariantCulture);
        var reps = int.Parse(flags.GetValueOrDefault("--reps", "5"), CultureInfo.InvariantCulture);
        var graph = new CsvGraphSource(folder).Load();
        var options = new ModelOptions { PropagationLayers = layers };
        var pairs = PropagationGraph.From(graph);
        var context = BlockContext.ForTrainingGraph(graph);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        model.train();
        var distinct = pairs.UserContents.EdgeCount;
        Console.WriteLine($"graph {graph}; {distinct:N0} distinct pairs; {layers} layers ({layers - 1} whole-graph hops each way)");
        var (forward, forwardStd) = Measure.Milliseconds(reps, () =>
        {
            using var scope = NewDisposeScope();
            model.Propagate(pairs, context);
        });
        var forwardCpu = Measure.LastCpuMilliseconds;
        var (both, bothStd) = Measure.Milliseconds(reps, () =>
        {
            using var scope = NewDisposeScope();
            var tables = model.Propagate(pairs, context);
            (tables.Users.sum() + tables.Contents.sum()).backward();
            model.zero_grad();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"propagation tables: forward {forward:F0} ms ± {forwardStd:F0} (cpu {forwardCpu:F0}), forward+backward {both:F0} ms ± {bothStd:F0} (cpu {Measure.LastCpuMilliseconds:F0})"));
        return 0;
    }
}
