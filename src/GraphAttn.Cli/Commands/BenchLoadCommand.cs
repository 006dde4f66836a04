using System.CommandLine;
using System.Diagnostics;
using GraphAttn.Cli.Options;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// Loads a graph-seeds folder once in this process and reports wall time, peak working set (whole process,
/// runtime included) and the managed heap retained by the graph. Run it in a fresh process per measurement.
/// </summary>
internal static class BenchLoadCommand
{
    public static Command Create()
    {
        var graph = CommonOptions.Graph("graph-seeds/demo");
        var command = new Command("load", "Time and memory to load a graph-seeds folder.") { graph };
        command.SetAction(async (p, ct) =>
        {
            var folder = Path.GetFullPath(p.GetValue(graph)!);
            var output = p.InvocationConfiguration.Output;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var stages = new List<string>();
            var last = TimeSpan.Zero;
            var progress = new SyncProgress<GraphLoadProgress>(p => // synchronous: keeps stage timings exact
            {
                if (!p.Done) return;
                stages.Add($"{p.Stage} {p.Rows:N0} rows {(clock.Elapsed - last).TotalSeconds:F2} s");
                last = clock.Elapsed;
            });
            var g = await GraphFolder.Source(folder).LoadAsync(progress, ct);
            var elapsed = clock.Elapsed;
            stages.Add($"build (CSR, sort, fingerprint) {(elapsed - last).TotalSeconds:F2} s");
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            output.WriteLine($"graph: {folder}");
            output.WriteLine($"loaded: {g}");
            output.WriteLine($"load time: {elapsed.TotalSeconds:F2} s ({string.Join("; ", stages)})");
            output.WriteLine($"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB (process)");
            output.WriteLine($"graph managed heap: {retained / (1024.0 * 1024):F0} MiB");
            output.WriteLine($"fingerprint: {g.Fingerprint}");
            return 0;
        });
        return command;
    }
}
