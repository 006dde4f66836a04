using System.Buffers;
using GraphAttn.Ranking;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Approximate top-k by inner product over a USearch HNSW graph. Filters: a small allowed set is scored exactly over
/// its rows; otherwise results are over-fetched (k + exclusions, growing fourfold while too few pass) and filtered.
/// Scores are exact inner products (USearch reports 1 - dot). Thread-safe; Dispose waits for running searches.
/// </summary>
public sealed unsafe class HnswIndex : IVectorIndex
{
    private const int StackResults = 256;
    private readonly EmbeddingMatrix _items;
    private readonly HnswOptions _options;
    private readonly SemaphoreSlim _slots;
    private nint _handle;
    private int _active;
    private int _disposed;

    private HnswIndex(EmbeddingMatrix items, HnswOptions options, nint handle)
    {
        _items = items;
        _options = options;
        _handle = handle;
        _slots = new SemaphoreSlim(options.MaxConcurrentSearches, options.MaxConcurrentSearches);
    }

    /// <inheritdoc />
    public string Kind => "hnsw";

    /// <inheritdoc />
    public int Count => _items.Rows;

    /// <inheritdoc />
    public int Dimensions => _items.Dimensions;

    /// <summary>Candidate list size (ef) used by searches from now on; raises recall at the cost of latency.</summary>
    public void SetExpansionSearch(int expansion)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expansion);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        UsearchNative.ChangeExpansionSearch(_handle, (nuint)expansion, out nint error);
        UsearchNative.Check(error, "change_expansion_search");
    }

    /// <summary>Builds the graph over every row of <paramref name="items"/> (keys are row numbers), in parallel.</summary>
    /// <param name="items">Catalogue, [Rows, Dimensions]; kept by reference for exact filtered scoring.</param>
    /// <param name="options">Graph parameters; null uses the defaults of <see cref="HnswOptions"/>.</param>
    /// <param name="progress">Receives the number of rows added so far (in chunks of 1,024); optional.</param>
    /// <param name="ct">Stops the build between chunks.</param>
    public static HnswIndex Build(
        EmbeddingMatrix items, HnswOptions? options = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new HnswOptions();
        nint handle = HnswNativeIndex.Create(items.Dimensions, items.Rows, options);
        var index = new HnswIndex(items, options, handle);
        try
        {
            HnswNativeIndex.AddAll(handle, items, options.BuildThreads, progress, ct);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a graph saved by <see cref="Save"/> for the same <paramref name="items"/> (minutes saved at a million
    /// rows). The file must come from these exact vectors; only its size and dimensions are checked.
    /// </summary>
    /// <exception cref="InvalidDataException">The file's vector count differs from the catalogue's.</exception>
    public static HnswIndex Load(string path, EmbeddingMatrix items, HnswOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new HnswOptions();
        nint handle = HnswNativeIndex.Create(items.Dimensions, 0, options);
        var index = new HnswIndex(items, options, handle);
        try
        {
            HnswNativeIndex.Load(handle, path, items.Rows, options.MaxConcurrentSearches);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Saves the graph (with its vectors) to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        UsearchNative.Save(_handle, path, out nint error);
        UsearchNative.Check(error, "save");
    }

    /// <inheritdoc />
    public ScoredIndex[] Search(ReadOnlySpan<float> query, int k, RetrievalFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Query has {query.Length} dimensions, the index {Dimensions}.", nameof(query));
        }

        filter ??= RetrievalFilter.None;
        if (filter.AllowedRows is { } allowed && allowed.Length <= _options.ExactAllowedMax)
        {
            return ExactTopK.Search(_items, query, k, filter);
        }

        Interlocked.Increment(ref _active);
        _slots.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return SearchFiltered(query, k, filter);
        }
        finally
        {
            _slots.Release();
            if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _disposed) != 0)
            {
                FreeNative();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _active) == 0)
        {
            FreeNative();
        }
    }

    private ScoredIndex[] SearchFiltered(ReadOnlySpan<float> query, int k, RetrievalFilter filter)
    {
        k = Math.Min(k, Count);
        if (k == 0)
        {
            return [];
        }

        // A large allowed set covering a fraction f of the catalogue needs about k / f candidates.
        double share = filter.AllowedRows is { } allowed ? Math.Max(allowed.Length, 1) / (double)Count : 1.0;
        int fetch = (int)Math.Min(Count, Math.Ceiling((k + filter.ExcludedCount) / share));
        while (true)
        {
            var heap = new TopKHeap(k);
            int found = SearchNative(query, fetch, heap, filter);
            if (heap.IsFull || found < fetch || fetch >= Count)
            {
                return heap.DrainBestFirst();
            }

            fetch = (int)Math.Min(Count, 4L * fetch);
        }
    }

    private int SearchNative(ReadOnlySpan<float> query, int fetch, TopKHeap heap, RetrievalFilter filter)
    {
        ulong[]? rentedKeys = null;
        float[]? rentedDistances = null;
        Span<ulong> keys = fetch <= StackResults ? stackalloc ulong[fetch] : (rentedKeys = ArrayPool<ulong>.Shared.Rent(fetch));
        Span<float> distances = fetch <= StackResults ? stackalloc float[fetch] : (rentedDistances = ArrayPool<float>.Shared.Rent(fetch));
        try
        {
            int found = HnswNativeIndex.Search(_handle, query, fetch, keys, distances);
            for (int i = 0; i < found; i++)
            {
                int row = (int)keys[i];
                if (filter.Accepts(row))
                {
                    heap.Add(1f - distances[i], row);
                }
            }

            return found;
        }
        finally
        {
            if (rentedKeys is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedKeys);
                ArrayPool<float>.Shared.Return(rentedDistances!);
            }
        }
    }

    private void FreeNative()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
        {
            UsearchNative.Free(handle, out _);
        }
    }
}
