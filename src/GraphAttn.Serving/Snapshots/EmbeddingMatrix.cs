namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Dense row-major float32 matrix of embeddings: shape [Rows, Dimensions], row i is the vector of entity i.
/// </summary>
public sealed class EmbeddingMatrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as a [rows, dimensions] matrix.</summary>
    /// <exception cref="ArgumentException">The data length is not rows * dimensions or a size is negative.</exception>
    public EmbeddingMatrix(float[] data, int rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if ((long)rows * dimensions != data.Length)
        {
            throw new ArgumentException(
                $"Matrix data has {data.Length} floats, expected rows {rows} x dimensions {dimensions}.", nameof(data));
        }

        Data = data;
        Rows = rows;
        Dimensions = dimensions;
    }

    /// <summary>Row-major values, length Rows * Dimensions.</summary>
    public float[] Data { get; }

    /// <summary>Number of vectors.</summary>
    public int Rows { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>The vector of row <paramref name="row"/>, length <see cref="Dimensions"/>.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {Rows}).");
        }

        return Data.AsSpan(row * Dimensions, Dimensions);
    }
}
