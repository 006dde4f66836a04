namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Bounded min-heap keeping the k best (score, row) pairs seen so far. Ties on score prefer the lower row so that
/// results are deterministic whatever order rows are scanned in (sequential or by parallel chunks).
/// </summary>
internal sealed class TopKHeap
{
    private readonly float[] _scores;
    private readonly int[] _rows;

    public TopKHeap(int k)
    {
        _scores = new float[k];
        _rows = new int[k];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == _scores.Length;

    /// <summary>Score a candidate must reach to possibly enter (the worst kept score once full).</summary>
    public float Threshold => IsFull ? _scores[0] : float.NegativeInfinity;

    /// <summary>Whether (score, row) would beat the worst kept entry.</summary>
    public bool WouldAccept(float score, int row) =>
        !IsFull || score > _scores[0] || (score == _scores[0] && row < _rows[0]);

    public void Add(float score, int row)
    {
        if (float.IsNaN(score) || _scores.Length == 0 || !WouldAccept(score, row))
        {
            return;
        }

        if (!IsFull)
        {
            int i = Count++;
            _scores[i] = score;
            _rows[i] = row;
            SiftUp(i);
            return;
        }

        _scores[0] = score;
        _rows[0] = row;
        SiftDown(0);
    }

    /// <summary>The kept entries, best first.</summary>
    public ScoredItem[] ToSortedArray()
    {
        var items = new ScoredItem[Count];
        for (int i = 0; i < Count; i++)
        {
            items[i] = new ScoredItem(_rows[i], _scores[i]);
        }

        Array.Sort(items, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return items;
    }

    // "Worse" = lower score, or equal score and higher row; the root is the worst.
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

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = 2 * i + 1;
            int worst = i;
            if (left < Count && Worse(left, worst))
            {
                worst = left;
            }

            if (left + 1 < Count && Worse(left + 1, worst))
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
