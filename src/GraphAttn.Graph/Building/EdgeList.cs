namespace GraphAttn.Graph;

/// <summary>A growable list of (source, target) index pairs kept as two arrays for cheap CSR construction.</summary>
internal sealed class EdgeList
{
    private int[] _sources = new int[1024];
    private int[] _targets = new int[1024];

    public int Count { get; private set; }
    public ReadOnlySpan<int> Sources => _sources.AsSpan(0, Count);
    public ReadOnlySpan<int> Targets => _targets.AsSpan(0, Count);

    public void Add(int source, int target)
    {
        if (Count == _sources.Length)
        {
            Array.Resize(ref _sources, Count * 2);
            Array.Resize(ref _targets, Count * 2);
        }
        _sources[Count] = source;
        _targets[Count] = target;
        Count++;
    }
}
