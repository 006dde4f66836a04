using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary>Creation, parallel insertion and search on a raw USearch handle (inner-product metric, float32).</summary>
internal static unsafe class HnswNativeIndex
{
    private const int AddChunk = 1024;

    public static nint Create(int dimensions, int capacity, HnswOptions options)
    {
        var init = new UsearchNative.InitOptions
        {
            MetricKind = UsearchNative.MetricInnerProduct,
            Quantization = UsearchNative.ScalarF32,
            Dimensions = (nuint)dimensions,
            Connectivity = (nuint)options.Connectivity,
            ExpansionAdd = (nuint)options.ExpansionAdd,
            ExpansionSearch = (nuint)options.ExpansionSearch,
        };
        nint handle = UsearchNative.Init(ref init, out nint error);
        UsearchNative.Check(error, "init");
        try
        {
            // Thread contexts first: reserving sizes per-thread state, and parallel adds need one context each.
            UsearchNative.ChangeThreadsAdd(handle, (nuint)Math.Max(1, options.BuildThreads), out error);
            UsearchNative.Check(error, "change_threads_add");
            UsearchNative.ChangeThreadsSearch(handle, (nuint)Math.Max(1, options.MaxConcurrentSearches), out error);
            UsearchNative.Check(error, "change_threads_search");
            UsearchNative.Reserve(handle, (nuint)Math.Max(1, capacity), out error);
            UsearchNative.Check(error, "reserve");
            return handle;
        }
        catch
        {
            UsearchNative.Free(handle, out _);
            throw;
        }
    }

    public static void AddAll(nint handle, EmbeddingMatrix items, int threads, IProgress<int>? progress, CancellationToken ct)
    {
        int added = 0;
        int chunks = (items.Rows + AddChunk - 1) / AddChunk;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int start = chunk * AddChunk;
            int end = Math.Min(items.Rows, start + AddChunk);
            fixed (float* data = items.Data)
            {
                for (int row = start; row < end; row++)
                {
                    UsearchNative.Add(handle, (ulong)row, data + (long)row * items.Dimensions, UsearchNative.ScalarF32, out nint error);
                    UsearchNative.Check(error, "add");
                }
            }

            progress?.Report(Interlocked.Add(ref added, end - start));
        });
        nuint size = UsearchNative.Size(handle, out nint sizeError);
        UsearchNative.Check(sizeError, "size");
        if (size != (nuint)items.Rows)
        {
            throw new InvalidOperationException($"USearch holds {size} vectors after adding {items.Rows}.");
        }
    }

    public static void Load(nint handle, string path, int rows, int threads)
    {
        UsearchNative.Load(handle, path, out nint error);
        UsearchNative.Check(error, "load");
        UsearchNative.ChangeThreadsSearch(handle, (nuint)Math.Max(1, threads), out error);
        UsearchNative.Check(error, "change_threads_search");
        nuint size = UsearchNative.Size(handle, out error);
        UsearchNative.Check(error, "size");
        if (size != (nuint)rows)
        {
            throw new InvalidDataException($"HNSW index file '{path}' holds {size} vectors, the catalogue has {rows}.");
        }
    }

    public static int Search(nint handle, ReadOnlySpan<float> query, int count, Span<ulong> keys, Span<float> distances)
    {
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = distances)
        {
            nuint found = UsearchNative.Search(handle, q, UsearchNative.ScalarF32, (nuint)count, k, d, out nint error);
            UsearchNative.Check(error, "search");
            return (int)found;
        }
    }
}
