using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Graph;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Loading;

/// <summary>Creates the configured <see cref="IGraphSource"/>.</summary>
public static class GraphSourceFactory
{
    /// <summary>Folder of the demo graph copied next to the server's binaries.</summary>
    public static string EmbeddedDemoPath => Path.Combine(AppContext.BaseDirectory, "graph-seeds", "demo");

    /// <summary>The source named by <paramref name="options"/>; throws for an unknown source name.</summary>
    public static IGraphSource Create(GraphOptions options, IConfiguration configuration) => options.Source.ToLowerInvariant() switch
    {
        "csv" => new CsvGraphSource(string.IsNullOrWhiteSpace(options.SeedsPath) ? EmbeddedDemoPath : options.SeedsPath),
        "neo4j" => Neo4j(configuration),
        _ => throw new InvalidOperationException(
            $"GraphAttn:Graph:Source '{options.Source}' is not supported; use 'csv' or 'neo4j'."),
    };

    private static IGraphSource Neo4j(IConfiguration configuration)
    {
        var options = Neo4jOptions.FromConfiguration(configuration);
        var driver = Neo4jConnector.CreateDriver(options);
        return new VerifiedNeo4jSource(driver, options, new Neo4jGraphSource(driver, Neo4jGraphSourceConfiguration.FromConfiguration(configuration)));
    }
}
