namespace GraphAttn.Serving.Retrieval;

/// <summary>How <see cref="VectorIndexFactory"/> picks and configures an index.</summary>
public sealed record RetrievalOptions
{
    /// <summary>
    /// Catalogues with at least this many rows get an HNSW index, smaller ones the exact scan. Default 200,000:
    /// there an exact 64-dim scan costs a few milliseconds per query on one core, past which HNSW's build cost pays
    /// off (tests/GraphAttn.Serving.Benchmarks/README.md).
    /// </summary>
    public int HnswMinRows { get; init; } = 200_000;

    /// <summary>Chunks one exact query may scan in parallel. Default 1 (requests already run in parallel).</summary>
    public int ExactParallelism { get; init; } = 1;

    /// <summary>HNSW parameters.</summary>
    public HnswOptions Hnsw { get; init; } = new();
}
