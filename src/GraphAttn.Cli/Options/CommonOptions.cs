using System.CommandLine;

namespace GraphAttn.Cli.Options;

/// <summary>Options shared by the client commands.</summary>
internal static class ClientOptions
{
    /// <summary>Server address; h2c by default.</summary>
    public static Option<string> Address() => new("--address", "-a")
    {
        Description = "Server address.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRAPHATTN_ADDRESS") ?? "http://127.0.0.1:5080",
    };

    /// <summary>Per-call deadline.</summary>
    public static Option<double> Timeout() => new("--timeout")
    {
        Description = "Per-call deadline in seconds.",
        DefaultValueFactory = _ => 10,
    };
}
