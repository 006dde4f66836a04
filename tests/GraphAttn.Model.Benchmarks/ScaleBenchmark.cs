using System.Diagnostics;
using System.Globalization;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Epoch time of training on one graph-seeds folder, in one mode:
/// <c>scale --graph DIR [--mode mini|full] [--steps N] [--batch-size B] [--fan-out F] [--negatives K]
/// [--stale-negatives true] [--friend-structure true] [--propagation LAYERS]</c>.
/// Trains on the whole graph (no split, no validation). Without <c>--steps</c> it runs one real epoch; with it, it stops
/// after N steps and extrapolates: epoch = steps per epoch x mean step time (steps 2..N; step 1 is warm-up).
/// Prints one Markdown table row with the process's peak resident memory (VmHWM). The friend score's structural term is
/// off unless asked for, so epochs stay comparable with those measured before it existed (it holds 10% of the follows
/// out of training); with it, a whole-epoch run also prints the time after the epoch (final embedding pass and β fit).
/// </summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        var flags = Flags(args);
        var folder = flags["--graph"];
        var mode = flags.GetValueOrDefault("--mode", "mini") == "full" ? TrainMode.Full : TrainMode.MiniBatch;
        var maxSteps = int.Parse(flags.GetValueOrDefault("--steps", "0"), CultureInfo.InvariantCulture);
        var defaults = new TrainOptions();
        var options = defaults with
        {
            Mode = mode,
            Epochs = 1,
            BatchSize = int.Parse(flags.GetValueOrDefault("--batch-size", defaults.BatchSize.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            NegativeCandidates = int.Parse(flags.GetValueOrDefault("--negatives", defaults.NegativeCandidates.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            FanOut = FanOut.Parse(flags.GetValueOrDefault("--fan-out", defaults.FanOut.ToString())),
            StaleNegatives = flags.GetValueOrDefault("--stale-negatives", "false") == "true",
            FriendStructure = flags.GetValueOrDefault("--friend-structure", "false") == "true",
        };
        var load = Stopwatch.StartNew();
        var graph = new CsvGraphSource(folder).Load();
        var loadSeconds = load.Elapsed.TotalSeconds;
        var positives = GraphViews.Interacted(graph).NonZeroCount;
        var batch = options.AutoBatch(Math.Max(positives, GraphViews.Following(graph).NonZeroCount));
        var stepsPerEpoch = Math.Max(1, (Math.Max(positives, GraphViews.Following(graph).NonZeroCount) + batch - 1) / batch);
        var times = new List<double>();
        var cpu = new List<double>();
        var stats = new List<StepStats>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var model = new ModelOptions
        {
            PropagationLayers = int.Parse(flags.GetValueOrDefault("--propagation", "0"), CultureInfo.InvariantCulture),
        };
        var trainer = new Trainer(model, options)
        {
            StepObserved = s =>
            {
                times.Add(clock.Elapsed.TotalSeconds);
                cpu.Add(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
                stats.Add(s);
                if (maxSteps > 0 && stats.Count == maxSteps + 1) stop.Cancel();
            },
        };
        double? epochSeconds = null;
        try
        {
            var epochEnd = new EpochClock(clock);
            var result = trainer.Train(graph, validation: null, epochEnd, stop.Token);
            epochSeconds = result.Epochs[0].Seconds;
            if (result.FriendFit is { } fit)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"after the epoch: {clock.Elapsed.TotalSeconds - epochEnd.At:F1} s (final embedding pass and β fit); β {fit.Weight} from {fit.Users} users"));
            result.Inputs.Dispose();
        }
        catch (OperationCanceledException)
        {
        }
        // Intervals between observations are whole steps (backward, optimiser, next forward); the first is warm-up.
        var intervals = times.Zip(times.Skip(1), (a, b) => b - a).Skip(1).ToArray();
        var stepSeconds = intervals.Length > 0 ? intervals.Average() : double.NaN;
        var cpuIntervals = cpu.Zip(cpu.Skip(1), (a, b) => b - a).Skip(1).ToArray();
        var stepCpu = cpuIntervals.Length > 0 ? cpuIntervals.Average() : double.NaN;
        var measured = epochSeconds is not null;
        var epoch = epochSeconds ?? stepsPerEpoch * stepSeconds;
        Console.WriteLine($"graph {graph}; load {loadSeconds:F1} s; setup to first step {times.FirstOrDefault():F1} s");
        Console.WriteLine($"| users | mode | batch | fan-out | steps/epoch | step s (mean of {intervals.Length}) | step CPU s | epoch s | epoch CPU s | epoch | targets/step (users, contents) | edges/step | tensor elements/step | max RSS MiB |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {graph.UserCount:N0} | {(mode == TrainMode.Full ? "full" : options.StaleNegatives ? "mini-batch, stale negatives" : "mini-batch")} | {batch} | {(mode == TrainMode.Full ? "-" : options.FanOut.ToString())} | {stepsPerEpoch} | {stepSeconds:F2} | {stepCpu:F2} | {epoch:F0} | {stepsPerEpoch * stepCpu:F0} | {(measured ? "measured" : $"extrapolated from {intervals.Length} steps")} | {stats.Average(s => s.Users):F0}, {stats.Average(s => s.Contents):F0} | {stats.Average(s => s.Edges):F0} | {stats.Average(s => s.Elements) / 1e6:F1} M | {PeakResidentMiB():F0} |"));
        return 0;
    }

    /// <summary>Notes when the (only) epoch was reported finished.</summary>
    private sealed class EpochClock(Stopwatch clock) : IProgress<TrainProgress>
    {
        public double At { get; private set; }

        public void Report(TrainProgress value) => At = clock.Elapsed.TotalSeconds;
    }

    private static Dictionary<string, string> Flags(string[] args)
    {
        var flags = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) flags[args[i]] = args[i + 1];
        if (!flags.ContainsKey("--graph")) throw new ArgumentException("scale needs --graph DIR");
        return flags;
    }

    /// <summary>VmHWM from /proc/self/status: the most resident memory this process has had.</summary>
    private static double PeakResidentMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        // "VmHWM:\t 123456 kB"; from 8 digits on the tab is the only separator.
        return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
