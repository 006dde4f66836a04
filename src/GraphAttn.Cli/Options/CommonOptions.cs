using System.CommandLine;
using GraphAttn.Graph.Loading;

namespace GraphAttn.Cli.Options;

/// <summary>
/// Options more than one command takes, defined once so that they read and behave the same everywhere. Each call
/// returns a new instance: System.CommandLine options belong to one command.
/// </summary>
internal static class CommonOptions
{
    /// <summary><c>--address, -a</c>: the server; h2c by default, or <c>GRAPHATTN_ADDRESS</c>.</summary>
    public static Option<string> Address() => new("--address", "-a")
    {
        Description = "Server address.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRAPHATTN_ADDRESS") ?? "http://127.0.0.1:5080",
    };

    /// <summary><c>--timeout</c>: the per-call deadline in seconds (default 10).</summary>
    public static Option<double> Timeout() => new("--timeout")
    {
        Description = "Per-call deadline in seconds.",
        DefaultValueFactory = _ => 10,
    };

    /// <summary><c>--user, -u</c>: the user id a call is about (required).</summary>
    public static Option<string> User() => new("--user", "-u") { Description = "User id.", Required = true };

    /// <summary><c>--limit, -n</c>: how many results (default 10).</summary>
    public static Option<int> Limit() => new("--limit", "-n") { Description = "How many results (1-100).", DefaultValueFactory = _ => 10 };

    /// <summary><c>--explain, -x</c>: ask for reasons.</summary>
    public static Option<bool> Explain() => new("--explain", "-x") { Description = "Include reasons." };

    /// <summary><c>--graph, -g</c>: a graph folder in any format <see cref="GraphFolder"/> reads.</summary>
    public static Option<string?> Graph(bool required) => new("--graph", "-g")
    {
        Description = "Graph folder: graph-seeds CSV, HetRec Last.fm or RecBole atomic files.",
        Required = required,
    };

    /// <summary><c>--graph, -g</c> with a default folder (benchmarks default to the demo graph).</summary>
    public static Option<string> Graph(string defaultFolder) => new("--graph", "-g")
    {
        Description = "Graph folder: graph-seeds CSV, HetRec Last.fm or RecBole atomic files.",
        DefaultValueFactory = _ => defaultFolder,
    };

    /// <summary><c>--format</c>: the graph folder's format (default auto: detected).</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "Graph folder format: auto, seeds, lastfm, recbole.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong(GraphFolder.Formats);
        return format;
    }

    /// <summary><c>--quiet, -q</c>: only the final summary.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print only the final summary." };
}
