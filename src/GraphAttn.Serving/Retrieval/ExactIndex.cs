using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// <see cref="IVectorIndex"/> backed by <see cref="ExactTopK"/>: no build cost, exact results. Rows appended later
/// (<see cref="Append"/>) are scanned after the catalogue's own.
/// </summary>
/// <param name="items">Catalogue, [Rows, Dimensions]; not copied.</param>
/// <param name="maxParallelism">Chunks scanned at once per query (default 1).</param>
public sealed class ExactIndex(EmbeddingMatrix items, int maxParallelism = 1) : IAppendableIndex
{
    private readonly FreshRows _fresh = new(items.Dimensions);
    private readonly Lock _appendGate = new();
    private volatile bool _disposed;

    /// <inheritdoc />
    public string Kind => "exact";

    /// <inheritdoc />
    public int Count => items.Rows + _fresh.Count;

    /// <inheritdoc />
    public int Dimensions => items.Dimensions;

    /// <inheritdoc />
    public ScoredIndex[] Search(ReadOnlySpan<float> query, int k, RetrievalFilter? filter = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        filter ??= RetrievalFilter.None;
        return _fresh.Merge(ExactTopK.Search(items, query, k, filter, maxParallelism), query, k, items.Rows, filter);
    }

    /// <inheritdoc />
    public int Append(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        lock (_appendGate)
        {
            int first = Count;
            foreach (float[] vector in vectors)
            {
                _fresh.Add(vector);
            }

            return first;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;
}
