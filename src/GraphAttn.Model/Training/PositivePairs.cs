using GraphAttn.Graph.Matrices;

namespace GraphAttn.Model.Training;

/// <summary>Training positives (row, column) of one task as flat arrays, with the matrix that marks all of them.</summary>
public sealed class PositivePairs
{
    /// <summary>Takes every set cell of <paramref name="matrix"/> as a positive.</summary>
    public PositivePairs(SparseBinaryMatrix matrix)
    {
        Matrix = matrix;
        Rows = new int[matrix.NonZeroCount];
        Columns = new int[matrix.NonZeroCount];
        var i = 0;
        foreach (var (row, column) in matrix.Pairs())
        {
            Rows[i] = row;
            Columns[i++] = column;
        }
    }

    /// <summary>All positives.</summary>
    public SparseBinaryMatrix Matrix { get; }

    /// <summary>Row (user) of each positive.</summary>
    public int[] Rows { get; }

    /// <summary>Column (content or user) of each positive.</summary>
    public int[] Columns { get; }

    /// <summary>Number of positives.</summary>
    public int Count => Rows.Length;
}
