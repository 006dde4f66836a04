namespace GraphAttn.Seeds.Planting;

/// <summary>Appends rows in order, merging repeated columns within a row; then freezes into <see cref="SparseRows"/>.</summary>
internal sealed class SparseRowsBuilder(int expectedRows, int expectedEntries)
{
    private readonly List<int> _offsets = new(expectedRows + 1) { 0 };
    private readonly List<int> _columns = new(expectedEntries);
    private readonly List<double> _weights = new(expectedEntries);

    /// <summary>Adds <paramref name="weight"/> to <paramref name="column"/> of the row being built.</summary>
    public void Add(int column, double weight)
    {
        for (var i = _offsets[^1]; i < _columns.Count; i++)
        {
            if (_columns[i] != column) continue;
            _weights[i] += weight;
            return;
        }
        _columns.Add(column);
        _weights.Add(weight);
    }

    /// <summary>
    /// Closes the current row: weights are normalised to sum 1, rounded to 4 decimals (so the written file holds
    /// exactly what the generator used) and ordered by weight descending, then column ascending.
    /// </summary>
    public void EndRow()
    {
        var start = _offsets[^1];
        var count = _columns.Count - start;
        var total = 0.0;
        for (var i = start; i < _columns.Count; i++) total += _weights[i];
        var pairs = new (int Column, double Weight)[count];
        for (var i = 0; i < count; i++)
            pairs[i] = (_columns[start + i], Math.Max(0.0001, Math.Round(_weights[start + i] / total, 4)));
        Array.Sort(pairs, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Column.CompareTo(b.Column));
        for (var i = 0; i < count; i++)
        {
            _columns[start + i] = pairs[i].Column;
            _weights[start + i] = pairs[i].Weight;
        }
        _offsets.Add(_columns.Count);
    }

    public SparseRows Build() => new([.. _offsets], [.. _columns], [.. _weights]);
}
