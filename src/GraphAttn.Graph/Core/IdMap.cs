namespace GraphAttn.Graph;

/// <summary>
/// Maps external string ids to dense indices <c>0..Count-1</c> in insertion order, and back.
/// Span lookups avoid allocating a string per row when loaders resolve relationship endpoints.
/// </summary>
public sealed class IdMap
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIndex;
    private readonly List<string> _ids;

    /// <summary>Creates an empty map, optionally pre-sized.</summary>
    public IdMap(int capacity = 0)
    {
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _spanIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _ids = new List<string>(capacity);
    }

    private IdMap(IdMap source, int extraCapacity)
    {
        _index = new Dictionary<string, int>(source._index, StringComparer.Ordinal);
        _index.EnsureCapacity(source.Count + extraCapacity);
        _spanIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _ids = new List<string>(source.Count + extraCapacity);
        _ids.AddRange(source._ids);
    }

    /// <summary>
    /// A copy that grows without changing this map: a served graph's map is read by requests while the living graph
    /// adds nodes to its successor.
    /// </summary>
    internal IdMap Copy(int extraCapacity) => new(this, extraCapacity);

    /// <summary>Number of ids.</summary>
    public int Count => _ids.Count;

    /// <summary>The external id of dense index <paramref name="index"/>.</summary>
    public string this[int index] => _ids[index];

    /// <summary>All ids in index order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Adds a new id; returns false (and leaves the map unchanged) when it is already present.</summary>
    public bool TryAdd(string id, out int index)
    {
        if (_index.TryGetValue(id, out index)) return false;
        index = _ids.Count;
        _index.Add(id, index);
        _ids.Add(id);
        return true;
    }

    /// <summary>Looks an id up.</summary>
    public bool TryGetIndex(string id, out int index) => _index.TryGetValue(id, out index);

    /// <summary>Looks an id up without allocating.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> id, out int index) => _spanIndex.TryGetValue(id, out index);

    /// <summary>True when the id is known.</summary>
    public bool Contains(string id) => _index.ContainsKey(id);
}
