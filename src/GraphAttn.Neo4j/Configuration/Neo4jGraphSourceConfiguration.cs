using System.Globalization;
using GraphAttn.Neo4j.Graph;
using Microsoft.Extensions.Configuration;

namespace GraphAttn.Neo4j.Configuration;

/// <summary>
/// Binds <see cref="Neo4jGraphSourceOptions"/> from the <c>Neo4j</c> section: <c>Database</c>, <c>PageSize</c> and
/// <c>Schema:&lt;Property&gt;</c> for any <see cref="Neo4jSchema"/> name (e.g. <c>Neo4j__Schema__UserLabel=Person</c>).
/// Unset keys keep their defaults; the mapping is validated when the source is created.
/// </summary>
public static class Neo4jGraphSourceConfiguration
{
    /// <summary>Reads the options; throws <see cref="InvalidOperationException"/> for a PageSize that is not a positive integer.</summary>
    public static Neo4jGraphSourceOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Neo4jOptions.SectionName);
        var schema = new Neo4jSchema();
        foreach (var property in typeof(Neo4jSchema).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            if (section.GetSection("Schema")[property.Name] is { Length: > 0 } value)
            {
                // Records expose init-only setters; reflection is the one place allowed to use them after construction.
                property.SetValue(schema, value);
            }
        }

        var options = new Neo4jGraphSourceOptions { Schema = schema, Database = Neo4jOptions.FromConfiguration(configuration).Database };
        if (section["PageSize"] is { Length: > 0 } text)
        {
            options = options with
            {
                PageSize = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
                    ? size
                    : throw new InvalidOperationException($"Neo4j:PageSize '{text}' is not a positive integer."),
            };
        }

        return options;
    }
}
