using System.CommandLine;
using System.Diagnostics;
using GraphAttn.Graph;

namespace GraphAttn.Cli.Bench;

/// <summary>
/// Loads a graph-seeds folder once in this process and reports wall time, peak working set (whole process,
/// runtime included) and the managed heap retained by the graph. Run it in a fresh process per measurement.
/// </summary>
internal static class LoadBench
{
    public static Command Create()
    {
        var graph = new Option<DirectoryInfo>("--graph", "-g") { Description = "graph-seeds folder.", DefaultValueFactory = _ => new DirectoryInfo("graph-seeds/demo") };
        var command = new Command("load", "Time and memory to load a graph-seeds folder.") { graph };
        command.SetAction(async (p, ct) =>
        {
            var folder = p.GetValue(graph)!.FullName;
            var output = p.InvocationConfiguration.Output;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            var g = await new CsvGraphSource(folder).LoadAsync(null, ct);
            var elapsed = clock.Elapsed;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            output.WriteLine($"graph: {folder}");
            output.WriteLine($"loaded: {g}");
            output.WriteLine($"load time: {elapsed.TotalSeconds:F2} s");
            output.WriteLine($"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB (process)");
            output.WriteLine($"graph managed heap: {retained / (1024.0 * 1024):F0} MiB");
            output.WriteLine($"fingerprint: {g.Fingerprint}");
            return 0;
        });
        return command;
    }
}
