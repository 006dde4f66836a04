using GraphAttn.Neo4j.Graph;

namespace GraphAttn.Neo4j.WriteBack;

/// <summary>Settings of <see cref="EmbeddingWriter"/>.</summary>
public sealed record EmbeddingWriterOptions
{
    /// <summary>Label and id property of the nodes to update (default from <see cref="Neo4jSchema"/>: User.userId).</summary>
    public Neo4jSchema Schema { get; init; } = new();

    /// <summary>Node property that receives the vector (default <c>embedding</c>).</summary>
    public string Property { get; init; } = "embedding";

    /// <summary>Name of the vector index (default <c>user_embedding</c>).</summary>
    public string IndexName { get; init; } = "user_embedding";

    /// <summary>Similarity function of the index: <c>cosine</c> (default) or <c>euclidean</c>.</summary>
    public string Similarity { get; init; } = "cosine";

    /// <summary>Rows per UNWIND write transaction (default 1,000).</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Database to write; null uses the server's default.</summary>
    public string? Database { get; init; }
}
