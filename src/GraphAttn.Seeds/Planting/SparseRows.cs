namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Compressed rows of (column, weight) pairs, e.g. user -> (topic, interest weight).
/// Row <c>r</c> spans <c>Offsets[r]..Offsets[r+1]</c> of <see cref="Columns"/> and <see cref="Weights"/>.
/// </summary>
internal sealed class SparseRows(int[] offsets, int[] columns, double[] weights)
{
    public int[] Offsets { get; } = offsets;
    public int[] Columns { get; } = columns;
    public double[] Weights { get; } = weights;

    public int RowCount => Offsets.Length - 1;

    public ReadOnlySpan<int> ColumnsOf(int row) => Columns.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public ReadOnlySpan<double> WeightsOf(int row) => Weights.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    /// <summary>Draws a column of <paramref name="row"/> in proportion to its weights (rows are short: linear scan).</summary>
    public int SampleColumn(int row, Randomness.SeedRandom random)
    {
        var columns = ColumnsOf(row);
        var weights = WeightsOf(row);
        var total = 0.0;
        foreach (var w in weights) total += w;
        var r = random.NextDouble() * total;
        for (var i = 0; i < columns.Length; i++)
        {
            r -= weights[i];
            if (r < 0) return columns[i];
        }
        return columns[^1];
    }
}
