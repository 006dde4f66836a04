using GraphAttn.Embedding.Batching;

namespace GraphAttn.Embedding.Jobs;

/// <summary>Everything one re-embedding run is asked to do, parsed and checked.</summary>
public sealed record EmbedSettings
{
    /// <summary>graph-seeds or HetRec Last.fm folder; null when reading from Neo4j.</summary>
    public string? GraphFolder { get; init; }

    /// <summary>Read the graph from Neo4j (connection from the Neo4j options).</summary>
    public bool FromNeo4j { get; init; }

    /// <summary>Checkpoint folder.</summary>
    public required string Checkpoint { get; init; }

    /// <summary>Output file, or an existing folder to write a generated name into.</summary>
    public required string Out { get; init; }

    /// <summary>Batch size, shard, top-k, creation time.</summary>
    public EmbedOptions Options { get; init; } = new();

    /// <summary>Write user vectors back into Neo4j after embedding.</summary>
    public bool WriteNeo4j { get; init; }

    /// <summary>Neo4j URI override (else from the environment).</summary>
    public string? Neo4jUri { get; init; }

    /// <summary>Neo4j user override.</summary>
    public string? Neo4jUser { get; init; }

    /// <summary>File holding the Neo4j password.</summary>
    public string? Neo4jPasswordFile { get; init; }

    /// <summary>Neo4j database override.</summary>
    public string? Neo4jDatabase { get; init; }
}
