using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Exact top-k by inner product: a SIMD scan over every row (or only the allowed rows when a small allowed set is
/// given) with a bounded min-heap, split into chunks scanned in parallel for large catalogues.
/// Cost: Rows x Dimensions multiply-adds per query; memory-bound at about 15 GB/s per core.
/// </summary>
public static class ExactTopK
{
    /// <summary>Below this many floats (rows x dims) a scan stays on the calling thread.</summary>
    public const int ParallelMinFloats = 4 * 1024 * 1024;

    /// <summary>Returns the best <paramref name="k"/> accepted rows, best first (fewer if fewer are accepted).</summary>
    /// <param name="items">Catalogue, [Rows, Dimensions].</param>
    /// <param name="query">Query vector, length Dimensions.</param>
    /// <param name="k">Number of results wanted (k &gt;= 0).</param>
    /// <param name="filter">Exclusions and allowed set; null accepts every row.</param>
    /// <param name="maxParallelism">Most chunks scanned at once (default 1: a server already runs requests in parallel).</param>
    public static ScoredIndex[] Search(
        EmbeddingMatrix items, ReadOnlySpan<float> query, int k, RetrievalFilter? filter = null, int maxParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxParallelism);
        if (query.Length != items.Dimensions)
        {
            throw new ArgumentException($"Query has {query.Length} dimensions, the catalogue {items.Dimensions}.", nameof(query));
        }

        filter ??= RetrievalFilter.None;
        k = Math.Min(k, filter.AllowedRows?.Length ?? items.Rows);
        if (k == 0)
        {
            return [];
        }

        var heap = new TopKHeap(k);
        if (filter.AllowedRows is { } allowed)
        {
            ScanRows(items, query, allowed, heap);
            return heap.DrainBestFirst();
        }

        long floats = (long)items.Rows * items.Dimensions;
        int chunks = floats < ParallelMinFloats ? 1 : Math.Min(maxParallelism, Environment.ProcessorCount);
        if (chunks <= 1)
        {
            ScanRange(items, query, 0, items.Rows, filter, heap);
            return heap.DrainBestFirst();
        }

        return SearchParallel(items, query.ToArray(), k, filter, chunks);
    }

    private static ScoredIndex[] SearchParallel(EmbeddingMatrix items, float[] query, int k, RetrievalFilter filter, int chunks)
    {
        var heaps = new TopKHeap[chunks];
        int perChunk = (items.Rows + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            heaps[c] = new TopKHeap(k);
            int start = c * perChunk;
            ScanRange(items, query, start, Math.Min(items.Rows, start + perChunk), filter, heaps[c]);
        });
        var merged = new TopKHeap(k);
        foreach (TopKHeap heap in heaps)
        {
            foreach (ScoredIndex item in heap.DrainBestFirst())
            {
                merged.Add(item.Score, item.Index);
            }
        }

        return merged.DrainBestFirst();
    }

    private static void ScanRange(EmbeddingMatrix items, ReadOnlySpan<float> query, int start, int end, RetrievalFilter filter, TopKHeap heap)
    {
        for (int row = start; row < end; row++)
        {
            float score = VectorMath.Dot(query, items.Row(row));

            // The filter is consulted only for rows that would enter the heap, so exclusions cost almost nothing.
            if (score >= heap.Threshold && heap.WouldAccept(score, row) && filter.Accepts(row))
            {
                heap.Add(score, row);
            }
        }
    }

    private static void ScanRows(EmbeddingMatrix items, ReadOnlySpan<float> query, int[] rows, TopKHeap heap)
    {
        foreach (int row in rows)
        {
            if ((uint)row < (uint)items.Rows)
            {
                heap.Add(VectorMath.Dot(query, items.Row(row)), row);
            }
        }
    }
}
