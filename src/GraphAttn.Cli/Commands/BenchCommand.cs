using System.CommandLine;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// <c>graphattn bench</c>: measurements whose figures go into tests/GraphAttn.Serving.Benchmarks/README.md with the
/// command that made them.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: graph load time and memory, RPC latency through a running server.");
        bench.Subcommands.Add(BenchLoadCommand.Create());
        bench.Subcommands.Add(BenchLatencyCommand.Create());
        return bench;
    }
}
