namespace GraphAttn.Graph.Matrices;

/// <summary>
/// An immutable 0/1 matrix in CSR form: for each row (a user) the sorted, distinct column indices (contents or
/// users) that are set. Used for train / validation / test interactions and for friend edges.
/// </summary>
public sealed class SparseBinaryMatrix
{
    private readonly int[] _offsets;
    private readonly int[] _columns;

    private SparseBinaryMatrix(int rows, int columns, int[] offsets, int[] cols)
    {
        RowCount = rows;
        ColumnCount = columns;
        _offsets = offsets;
        _columns = cols;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (the candidate count when ranking).</summary>
    public int ColumnCount { get; }

    /// <summary>Number of set cells.</summary>
    public int NonZeroCount => _columns.Length;

    /// <summary>Sorted distinct columns set in <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> Row(int row) => _columns.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>Number of columns set in <paramref name="row"/>.</summary>
    public int RowLength(int row) => _offsets[row + 1] - _offsets[row];

    /// <summary>True when cell (row, column) is set; O(log row length).</summary>
    public bool Contains(int row, int column) => Row(row).BinarySearch(column) >= 0;

    /// <summary>Number of rows that set each column (e.g. training popularity per item).</summary>
    public int[] ColumnCounts()
    {
        var counts = new int[ColumnCount];
        foreach (var c in _columns)
        {
            counts[c]++;
        }
        return counts;
    }

    /// <summary>The transpose (columns become rows).</summary>
    public SparseBinaryMatrix Transpose()
    {
        var pairs = new List<(int Row, int Column)>(_columns.Length);
        for (var r = 0; r < RowCount; r++)
        {
            foreach (var c in Row(r))
            {
                pairs.Add((c, r));
            }
        }
        return FromPairs(ColumnCount, RowCount, pairs);
    }

    /// <summary>Builds a matrix from (row, column) pairs; duplicates collapse to one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a pair lies outside the shape.</exception>
    public static SparseBinaryMatrix FromPairs(int rows, int columns, IEnumerable<(int Row, int Column)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var perRow = new List<int>[rows];
        foreach (var (r, c) in pairs)
        {
            if ((uint)r >= (uint)rows || (uint)c >= (uint)columns)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(pairs), $"Cell ({r}, {c}) lies outside a {rows} x {columns} matrix.");
            }
            (perRow[r] ??= []).Add(c);
        }
        var offsets = new int[rows + 1];
        var all = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            if (perRow[r] is { } list)
            {
                list.Sort();
                for (var i = 0; i < list.Count; i++)
                {
                    if (i == 0 || list[i] != list[i - 1])
                    {
                        all.Add(list[i]);
                    }
                }
            }
            offsets[r + 1] = all.Count;
        }
        return new SparseBinaryMatrix(rows, columns, offsets, [.. all]);
    }

    /// <summary>All set cells as (row, column) pairs, row-major.</summary>
    public IEnumerable<(int Row, int Column)> Pairs()
    {
        for (var r = 0; r < RowCount; r++)
        {
            for (var i = _offsets[r]; i < _offsets[r + 1]; i++)
            {
                yield return (r, _columns[i]);
            }
        }
    }
}
