namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// A set of user indices for one request, as a per-thread stamp array: adding and testing are one array access, and
/// emptying it is one increment, where a <see cref="HashSet{T}"/> of ten thousand candidates costs a quarter megabyte
/// per request. Rent, use on one thread without an await, dispose.
/// </summary>
internal sealed class CandidateMarks : IDisposable
{
    [ThreadStatic]
    private static CandidateMarks? t_spare;

    private int[] _stamps = [];
    private int _stamp;
    private readonly List<int> _items = [];

    private CandidateMarks()
    {
    }

    /// <summary>Members in the order they were added.</summary>
    public IReadOnlyList<int> Items => _items;

    /// <summary>Number of members.</summary>
    public int Count => _items.Count;

    /// <summary>An empty set over users 0..<paramref name="nodeCount"/>-1.</summary>
    public static CandidateMarks Rent(int nodeCount)
    {
        CandidateMarks marks = t_spare ?? new CandidateMarks();
        t_spare = null;
        if (marks._stamps.Length < nodeCount)
        {
            marks._stamps = new int[nodeCount];
            marks._stamp = 0;
        }

        if (++marks._stamp == int.MaxValue)
        {
            Array.Clear(marks._stamps);
            marks._stamp = 1;
        }

        marks._items.Clear();
        return marks;
    }

    /// <summary>Whether <paramref name="v"/> is a member.</summary>
    public bool Contains(int v) => _stamps[v] == _stamp;

    /// <summary>Adds <paramref name="v"/>; false when it was already a member.</summary>
    public bool Add(int v)
    {
        if (_stamps[v] == _stamp)
        {
            return false;
        }

        _stamps[v] = _stamp;
        _items.Add(v);
        return true;
    }

    /// <summary>Hands the set back to the thread.</summary>
    public void Dispose() => t_spare = this;
}
