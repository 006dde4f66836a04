using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Graph;
using Microsoft.Extensions.Configuration;

namespace GraphAttn.Embedding.Jobs;

/// <summary>
/// Neo4j connection settings of the embed command: command-line values first, then the same configuration the
/// server reads from the environment (<c>Neo4j__Uri</c>, <c>Neo4j__User</c>, <c>Neo4j__PasswordFile</c>,
/// <c>Neo4j__Database</c>, or <c>NEO4J_URI</c>...). The password only ever comes from a file or the environment.
/// </summary>
internal static class Neo4jSettings
{
    /// <summary>Connection options with command-line overrides (null = keep the environment's value).</summary>
    public static Neo4jOptions Options(string? uri, string? user, string? passwordFile, string? database)
    {
        var overrides = new Dictionary<string, string?>();
        if (uri is { Length: > 0 }) overrides["Neo4j:Uri"] = uri;
        if (user is { Length: > 0 }) overrides["Neo4j:User"] = user;
        if (passwordFile is { Length: > 0 }) overrides["Neo4j:PasswordFile"] = passwordFile;
        if (database is { Length: > 0 }) overrides["Neo4j:Database"] = database;
        return Neo4jOptions.FromConfiguration(Configuration(overrides));
    }

    /// <summary>Graph-source options (schema mapping, page size) from the environment, with the database override.</summary>
    public static Neo4jGraphSourceOptions SourceOptions(string? database)
    {
        var overrides = new Dictionary<string, string?>();
        if (database is { Length: > 0 }) overrides["Neo4j:Database"] = database;
        return Neo4jGraphSourceConfiguration.FromConfiguration(Configuration(overrides));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> overrides) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
}
