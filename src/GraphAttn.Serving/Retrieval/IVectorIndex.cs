using GraphAttn.Ranking;
namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Top-k inner-product search over a fixed catalogue of vectors (one snapshot's contents or users).
/// Implementations are thread-safe for concurrent searches.
/// </summary>
public interface IVectorIndex : IDisposable
{
    /// <summary>Short name for logs and service info: "exact" or "hnsw".</summary>
    string Kind { get; }

    /// <summary>Number of indexed rows.</summary>
    int Count { get; }

    /// <summary>Vector length.</summary>
    int Dimensions { get; }

    /// <summary>Best <paramref name="k"/> rows accepted by <paramref name="filter"/>, best first.</summary>
    /// <param name="query">Query vector, length <see cref="Dimensions"/>.</param>
    /// <param name="k">Number of results wanted.</param>
    /// <param name="filter">Exclusions and allowed set; null accepts every row.</param>
    ScoredIndex[] Search(ReadOnlySpan<float> query, int k, RetrievalFilter? filter = null);
}
