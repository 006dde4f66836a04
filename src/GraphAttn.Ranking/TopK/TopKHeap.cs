namespace GraphAttn.Ranking;

/// <summary>
/// Bounded min-heap keeping the k best (score, index) pairs offered so far: O(n log k) for n offers, no sort of the
/// whole catalogue. Ties on score prefer the lower index, so results are the same whatever order candidates arrive in
/// (sequentially or by parallel chunks). Scores that are NaN or <see cref="TopK.Excluded"/> are never kept.
/// </summary>
public sealed class TopKHeap
{
    private readonly float[] _scores;
    private readonly int[] _rows;

    /// <summary>A heap keeping at most <paramref name="k"/> entries.</summary>
    public TopKHeap(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _scores = new float[k];
        _rows = new int[k];
    }

    /// <summary>Entries kept.</summary>
    public int Count { get; private set; }

    /// <summary>True once k entries are kept.</summary>
    public bool IsFull => Count == _scores.Length;

    /// <summary>Score a candidate must reach to possibly enter (the worst kept score once full).</summary>
    public float Threshold => IsFull && Count > 0 ? _scores[0] : float.NegativeInfinity;

    /// <summary>Whether (score, index) would beat the worst kept entry.</summary>
    public bool WouldAccept(float score, int index) =>
        !IsFull || score > _scores[0] || (score == _scores[0] && index < _rows[0]);

    /// <summary>Offers a candidate; kept when it is among the k best so far.</summary>
    public void Add(float score, int index)
    {
        if (!(score > TopK.Excluded) || _scores.Length == 0 || !WouldAccept(score, index))
        {
            return;
        }

        if (!IsFull)
        {
            int i = Count++;
            _scores[i] = score;
            _rows[i] = index;
            SiftUp(i);
            return;
        }

        _scores[0] = score;
        _rows[0] = index;
        SiftDown(0, Count);
    }

    /// <summary>The kept entries, best first; empties the heap.</summary>
    public ScoredIndex[] DrainBestFirst()
    {
        var items = new ScoredIndex[Count];
        for (int end = Count - 1; end >= 0; end--)
        {
            items[end] = new ScoredIndex(_rows[0], _scores[0]);
            PopRoot(end);
        }

        Count = 0;
        return items;
    }

    /// <summary>Writes the kept indices best first into <paramref name="indices"/>; returns how many; empties the heap.</summary>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is shorter than <see cref="Count"/>.</exception>
    public int DrainBestFirst(Span<int> indices)
    {
        int n = Count;
        if (indices.Length < n)
        {
            throw new ArgumentException($"Room for {indices.Length} indices, {n} kept.", nameof(indices));
        }

        for (int end = n - 1; end >= 0; end--)
        {
            indices[end] = _rows[0];
            PopRoot(end);
        }

        Count = 0;
        return n;
    }

    // Moves the last live entry (at position size) into the root and restores the heap over [0, size).
    private void PopRoot(int size)
    {
        _scores[0] = _scores[size];
        _rows[0] = _rows[size];
        SiftDown(0, size);
    }

    // "Worse" = lower score, or equal score and higher index; the root is the worst kept entry.
    private bool Worse(int a, int b) => _scores[a] < _scores[b] || (_scores[a] == _scores[b] && _rows[a] > _rows[b]);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Worse(i, parent))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i, int size)
    {
        while (true)
        {
            int left = (2 * i) + 1;
            int worst = i;
            if (left < size && Worse(left, worst))
            {
                worst = left;
            }

            if (left + 1 < size && Worse(left + 1, worst))
            {
                worst = left + 1;
            }

            if (worst == i)
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
    }
}
