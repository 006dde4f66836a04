using System.Diagnostics;

namespace GraphAttn.Graph.Telemetry;

/// <summary>
/// The GraphAttn <see cref="ActivitySource"/> and the names of its spans, defined once. Starting a span costs almost
/// nothing while no listener is attached (StartActivity returns null), so libraries start them unconditionally.
/// </summary>
public static class GraphAttnActivities
{
    /// <summary>The source's name, for <c>AddSource</c>.</summary>
    public const string SourceName = "GraphAttn";

    /// <summary>The source every span comes from.</summary>
    public static readonly ActivitySource Source = new(SourceName, "1.0");

    /// <summary>Top-K retrieval over the snapshot's vectors (exact scan or HNSW).</summary>
    public const string Retrieval = "graphattn.retrieval";

    /// <summary>A request-time embedding of one user by the model.</summary>
    public const string OnlineEmbedding = "graphattn.online_embedding";

    /// <summary>One Cypher query sent to Neo4j.</summary>
    public const string Neo4jQuery = "graphattn.neo4j.query";

    /// <summary>One pass of the graph sync (changes from the source applied to the served graph).</summary>
    public const string GraphSync = "graphattn.graph.sync";
}
