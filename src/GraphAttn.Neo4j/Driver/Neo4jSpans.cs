using System.Diagnostics;
using GraphAttn.Graph.Telemetry;

namespace GraphAttn.Neo4j.Driver;

/// <summary>Spans for Cypher queries: the query text (never its parameters, which may hold user data) and the database system.</summary>
internal static class Neo4jSpans
{
    /// <summary>Starts a query span (null while nobody listens); it covers sending the query and its first reply.</summary>
    public static Activity? Query(string query)
    {
        var span = GraphAttnActivities.Source.StartActivity(GraphAttnActivities.Neo4jQuery, ActivityKind.Client);
        span?.SetTag("db.system.name", "neo4j");
        span?.SetTag("db.query.text", query.Length <= 500 ? query : query[..500]);
        return span;
    }
}
