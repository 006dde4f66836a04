using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary>Chooses exact scan or HNSW by catalogue size (see <see cref="RetrievalOptions.HnswMinRows"/>).</summary>
public static class VectorIndexFactory
{
    /// <summary>Creates the index for <paramref name="items"/>; an HNSW build may take minutes at a million rows.</summary>
    public static IVectorIndex Create(EmbeddingMatrix items, RetrievalOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new RetrievalOptions();
        return items.Rows >= options.HnswMinRows
            ? HnswIndex.Build(items, options.Hnsw, ct)
            : new ExactIndex(items, options.ExactParallelism);
    }
}
