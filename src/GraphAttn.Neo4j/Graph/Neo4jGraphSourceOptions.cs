namespace GraphAttn.Neo4j.Graph;

/// <summary>Settings of <see cref="Neo4jGraphSource"/>.</summary>
public sealed record Neo4jGraphSourceOptions
{
    /// <summary>Labels, relationship types and property names (defaults match graph-seeds/load.cypher).</summary>
    public Neo4jSchema Schema { get; init; } = new();

    /// <summary>Database to read; null uses the server's default.</summary>
    public string? Database { get; init; }

    /// <summary>Anchor nodes per page (default 10,000). A page is one read transaction, retried on transient errors.</summary>
    public int PageSize { get; init; } = 10_000;
}
