using GraphAttn.Ranking;

namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Vectors appended to a catalogue after it was built (content created after the snapshot was embedded), numbered
/// after the catalogue's own rows. Appended to by one writer at a time and read by searches meanwhile without a lock:
/// a reader takes the count first, and the array it then reads holds at least that many rows.
/// </summary>
internal sealed class FreshRows(int dimensions)
{
    private readonly Lock _gate = new();
    private volatile float[] _data = [];
    private volatile int _count;

    /// <summary>Rows appended.</summary>
    public int Count => _count;

    /// <summary>Appends a row; returns its number among the fresh rows.</summary>
    public int Add(ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"Vector has {vector.Length} dimensions, the catalogue {dimensions}.", nameof(vector));
        }

        lock (_gate)
        {
            int row = _count;
            float[] data = _data;
            if ((row + 1) * dimensions > data.Length)
            {
                var grown = new float[Math.Max(16, 2 * (row + 1)) * dimensions];
                data.AsSpan(0, row * dimensions).CopyTo(grown);
                data = grown;
            }

            vector.CopyTo(data.AsSpan(row * dimensions));
            _data = data;
            _count = row + 1;
            return row;
        }
    }

    /// <summary>Fresh row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => _data.AsSpan(row * dimensions, dimensions);

    /// <summary>Scores every fresh row the filter accepts into <paramref name="heap"/>, numbered from <paramref name="firstRow"/>.</summary>
    public void ScanInto(ReadOnlySpan<float> query, int firstRow, RetrievalFilter filter, TopKHeap heap)
    {
        int count = _count;
        float[] data = _data;
        for (int i = 0; i < count; i++)
        {
            float score = VectorMath.Dot(query, data.AsSpan(i * dimensions, dimensions));
            if (heap.WouldAccept(score, firstRow + i) && filter.Accepts(firstRow + i))
            {
                heap.Add(score, firstRow + i);
            }
        }
    }

    /// <summary><paramref name="found"/> (best first, from the catalogue's own rows) merged with the fresh rows.</summary>
    public ScoredIndex[] Merge(ScoredIndex[] found, ReadOnlySpan<float> query, int k, int firstRow, RetrievalFilter filter)
    {
        if (_count == 0 || k == 0)
        {
            return found;
        }

        var heap = new TopKHeap(k);
        foreach (ScoredIndex item in found)
        {
            heap.Add(item.Score, item.Index);
        }

        ScanInto(query, firstRow, filter, heap);
        return heap.DrainBestFirst();
    }
}
