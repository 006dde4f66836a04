namespace GraphAttn.Serving.Retrieval;

/// <summary>HNSW graph parameters (USearch). Larger values raise recall and cost.</summary>
public sealed record HnswOptions
{
    /// <summary>Neighbours per node (M). Default 16.</summary>
    public int Connectivity { get; init; } = 16;

    /// <summary>Candidate list size while inserting (efConstruction). Default 128.</summary>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>Candidate list size while searching (ef). Default 64.</summary>
    public int ExpansionSearch { get; init; } = 64;

    /// <summary>Threads inserting in parallel during the build. Default: all cores.</summary>
    public int BuildThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Concurrent searches the index admits; further callers wait. Default 4 x cores.</summary>
    public int MaxConcurrentSearches { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// Allowed sets (topic filters) up to this size are scored exactly over their rows instead of over-fetching from
    /// the graph, which would need to fetch nearly the whole catalogue for a rare topic. Default 50,000.
    /// </summary>
    public int ExactAllowedMax { get; init; } = 50_000;
}
