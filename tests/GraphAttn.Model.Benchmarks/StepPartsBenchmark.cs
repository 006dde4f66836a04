using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph.Loading;
using GraphAttn.Model.Attention;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Where a full-graph forward and backward spends its time, part by part, on a dataset folder (any format the eval
/// command reads): <c>stepparts --graph DIR [--history L] [--history-layers 0|1] [--propagation K] [--reps N]</c>. Each part is the model's own layer shape run
/// alone over the whole graph, forward then backward of the sum of its output (mean of N after one warm-up); the last
/// row is the whole model. Prints one Markdown table.
/// </summary>
internal static class StepPartsBenchmark
{
    public static int Run(string[] args)
    {
        var flags = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1]);
        var reps = int.Parse(flags.GetValueOrDefault("--reps", "3"), CultureInfo.InvariantCulture);
        var options = new ModelOptions
        {
            HistoryLength = int.Parse(flags.GetValueOrDefault("--history", "10"), CultureInfo.InvariantCulture),
            PropagationLayers = int.Parse(flags.GetValueOrDefault("--propagation", "2"), CultureInfo.InvariantCulture),
            HistoryLayers = int.Parse(flags.GetValueOrDefault("--history-layers", "1"), CultureInfo.InvariantCulture),
        };
        var graph = GraphFolder.Source(flags["--graph"]).LoadAsync(null, default).GetAwaiter().GetResult();
        Console.WriteLine($"{graph}; torch threads {get_num_threads()}; L {options.HistoryLength}, history layers {options.HistoryLayers}, propagation {options.PropagationLayers}");
        using var inputs = new GraphInputs(graph, options);
        var d = options.Dimension;
        var users = randn(graph.UserCount, d).requires_grad_(true);
        var contents = randn(graph.ContentCount, d).requires_grad_(true);
        using var contentGat = new GatConv("content_gat", d, targetFeatures: d, heads: options.Heads, channels: d / options.Heads);
        using var followGat = new GatConv("follow_gat", d, heads: options.Heads, channels: d / options.Heads);
        using var history = new HistoryEncoder("history", d, options);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        Console.WriteLine("| part | forward + backward ms |");
        Console.WriteLine("|---|---:|");
        Time("content GAT (users -> contents)", reps, () => contentGat.forward(users, contents, inputs.UsersToContent));
        Time("interaction GAT (contents -> users)", reps, () => contentGat.forward(contents, users, inputs.ContentToUsers));
        Time("follow GAT", reps, () => followGat.forward(users, users, inputs.Follows));
        Time($"history encoder (L {options.HistoryLength}, every user)", reps, () => history.forward(contents, inputs.HistoryTensors));
        Time("whole model (all outputs)", reps, () =>
        {
            var o = model.forward(inputs);
            return cat([o.Users, o.Contents, o.Friends], 0);
        });
        return 0;
    }

    private static void Time(string name, int reps, Func<Tensor> part)
    {
        var total = 0.0;
        for (var r = 0; r <= reps; r++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            part().sum().backward();
            if (r > 0) total += watch.Elapsed.TotalMilliseconds;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {total / reps:F0} |"));
    }
}
