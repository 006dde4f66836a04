namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Per user, the top attention weights the model gave to related entities (friends or history items), in CSR form:
/// the entries of user u are <c>Targets[Offsets[u]..Offsets[u+1]]</c> with matching <c>Weights</c>, strongest first.
/// Targets are dense indices into the snapshot's user table (friends) or content table (history).
/// </summary>
public sealed class AttentionTable
{
    /// <summary>Wraps the arrays (not copied). Offsets has length rows + 1, starts at 0 and never decreases.</summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent.</exception>
    public AttentionTable(int[] offsets, int[] targets, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        string? problem = Validate(offsets, targets.Length, weights.Length);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(offsets));
        }

        Offsets = offsets;
        Targets = targets;
        Weights = weights;
    }

    /// <summary>Row start offsets, length Rows + 1.</summary>
    public int[] Offsets { get; }

    /// <summary>Target entity index of each entry.</summary>
    public int[] Targets { get; }

    /// <summary>Attention weight of each entry (0..1 for softmax attention).</summary>
    public float[] Weights { get; }

    /// <summary>Number of rows (users).</summary>
    public int Rows => Offsets.Length - 1;

    /// <summary>Table with <paramref name="rows"/> rows and no entries.</summary>
    public static AttentionTable Empty(int rows) => new(new int[rows + 1], [], []);

    /// <summary>Builds a table from one list of (target, weight) entries per row, kept in the given order.</summary>
    public static AttentionTable FromRows(IReadOnlyList<IReadOnlyList<(int Target, float Weight)>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++)
        {
            offsets[r + 1] = offsets[r] + rows[r].Count;
        }

        var targets = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int i = 0; i < rows[r].Count; i++)
            {
                (targets[offsets[r] + i], weights[offsets[r] + i]) = rows[r][i];
            }
        }

        return new AttentionTable(offsets, targets, weights);
    }

    /// <summary>Targets of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowTargets(int row) => Targets.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    /// <summary>Weights of row <paramref name="row"/>, aligned with <see cref="RowTargets"/>.</summary>
    public ReadOnlySpan<float> RowWeights(int row) => Weights.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    internal static string? Validate(int[] offsets, int targetCount, int weightCount)
    {
        if (offsets.Length == 0 || offsets[0] != 0)
        {
            return "attention offsets must start with 0";
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                return $"attention offsets decrease at row {i - 1}";
            }
        }

        if (offsets[^1] != targetCount || targetCount != weightCount)
        {
            return $"attention offsets end at {offsets[^1]} but there are {targetCount} targets and {weightCount} weights";
        }

        return null;
    }
}
