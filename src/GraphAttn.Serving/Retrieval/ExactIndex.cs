using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary><see cref="IVectorIndex"/> backed by <see cref="ExactTopK"/>: no build cost, exact results.</summary>
/// <param name="items">Catalogue, [Rows, Dimensions]; not copied.</param>
/// <param name="maxParallelism">Chunks scanned at once per query (default 1).</param>
public sealed class ExactIndex(EmbeddingMatrix items, int maxParallelism = 1) : IVectorIndex
{
    private volatile bool _disposed;

    /// <inheritdoc />
    public string Kind => "exact";

    /// <inheritdoc />
    public int Count => items.Rows;

    /// <inheritdoc />
    public int Dimensions => items.Dimensions;

    /// <inheritdoc />
    public ScoredIndex[] Search(ReadOnlySpan<float> query, int k, RetrievalFilter? filter = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ExactTopK.Search(items, query, k, filter, maxParallelism);
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
