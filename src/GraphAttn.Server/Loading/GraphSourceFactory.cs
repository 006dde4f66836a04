using GraphAttn.Graph;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Loading;

/// <summary>Creates the configured <see cref="IGraphSource"/>.</summary>
public static class GraphSourceFactory
{
    /// <summary>Folder of the demo graph copied next to the server's binaries.</summary>
    public static string EmbeddedDemoPath => Path.Combine(AppContext.BaseDirectory, "graph-seeds", "demo");

    /// <summary>The source named by <paramref name="options"/>; throws for an unknown source name.</summary>
    public static IGraphSource Create(GraphOptions options) => options.Source.ToLowerInvariant() switch
    {
        "csv" => new CsvGraphSource(string.IsNullOrWhiteSpace(options.SeedsPath) ? EmbeddedDemoPath : options.SeedsPath),
        _ => throw new InvalidOperationException(
            $"GraphAttn:Graph:Source '{options.Source}' is not supported; use 'csv'."),
    };
}
