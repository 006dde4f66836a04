using GraphAttn.Model.Attention;
using GraphAttn.Ranking;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// BPR negatives: for each positive, k uniform candidates that are not positives of the row (nor the row itself when
/// ranking users), of which the one the current model scores highest is used (dynamic hard negatives).
/// </summary>
public static class HardNegatives
{
    /// <summary>Draws k candidates per row, row-major [B * k] global indices in 0..<paramref name="columns"/>-1.</summary>
    /// <param name="rows">Rows (users) of the batch.</param>
    /// <param name="positives">Positives to avoid (given up after 20 tries on a row that has almost everything).</param>
    /// <param name="columns">Number of candidates to draw from.</param>
    /// <param name="k">Candidates per row.</param>
    /// <param name="excludeSelf">True when candidates are users.</param>
    /// <param name="random">Seeded source.</param>
    public static int[] Draw(int[] rows, PositivePairs positives, int columns, int k, bool excludeSelf, Random random)
    {
        var drawn = new int[rows.Length * k];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < k; j++)
            {
                int c, tries = 0;
                do c = random.Next(columns);
                while ((positives.Matrix.Contains(rows[i], c) || (excludeSelf && c == rows[i])) && ++tries < 20);
                drawn[i * k + j] = c;
            }
        return drawn;
    }

    /// <summary>
    /// For each row the candidate with the highest score, as global indices [B] (no gradient flows through the choice).
    /// The B * k dot products run in C# straight over the tables' memory: gathering [B * k, D] candidate rows into a
    /// tensor first (a fresh 134 MB tensor per step at 64 candidates on Last.fm) was most of a step.
    /// </summary>
    /// <param name="rowVectors">[B, D] vectors of the batch rows.</param>
    /// <param name="table">[N, D] contiguous vectors the candidates are rows of.</param>
    /// <param name="tableRows">[B * k] row in <paramref name="table"/> of each candidate, row-major.</param>
    /// <param name="candidates">[B * k] global indices of the candidates.</param>
    /// <param name="k">Candidates per row.</param>
    public static unsafe int[] Hardest(Tensor rowVectors, Tensor table, long[] tableRows, int[] candidates, int k)
    {
        var rows = candidates.Length / k;
        if (k == 1) return candidates;
        using var scope = NewDisposeScope();
        var r = rowVectors.detach().contiguous();
        var d = (int)table.shape[1];
        if (r.shape[0] != rows || r.shape[1] != d) throw new ArgumentException("row vectors do not fit the candidates");
        var chosen = new int[rows];
        var local = Array.ConvertAll(tableRows, r => (int)r);
        nint rp = (nint)TensorPointers.Of(r), tp = (nint)TensorPointers.Of(table);
        Parallel.For(0, rows, i =>
            chosen[i] = candidates[i * k + BestOf((float*)rp + (long)i * d, (float*)tp, local.AsSpan(i * k, k), d)]);
        return chosen;
    }

    /// <summary>
    /// Position j of the candidate whose table row scores highest against <paramref name="row"/> (dot product); the
    /// first on ties. Shared by the current-model choice above and <see cref="StaleNegatives"/>. The library's inner
    /// product, not <see cref="VectorMath.Dot"/>: training ranks nothing a caller sees, and keeping its arithmetic keeps
    /// the checkpoints and evaluation figures made with it reproducible.
    /// </summary>
    /// <param name="row">D floats.</param>
    /// <param name="table">Row-major table of width D.</param>
    /// <param name="tableRows">Table row of each candidate (at least one).</param>
    /// <param name="d">D.</param>
    internal static unsafe int BestOf(float* row, float* table, ReadOnlySpan<int> tableRows, int d)
    {
        var (best, at) = (float.NegativeInfinity, 0);
        for (var j = 0; j < tableRows.Length; j++)
        {
            var score = System.Numerics.Tensors.TensorPrimitives.Dot(new ReadOnlySpan<float>(row, d), new ReadOnlySpan<float>(table + (long)tableRows[j] * d, d));
            if (score > best) (best, at) = (score, j);
        }
        return at;
    }
}
