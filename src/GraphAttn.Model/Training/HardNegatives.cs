using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Picks BPR negatives: for each positive, k uniform candidates that are not positives of the row (nor the row
/// itself when ranking users), of which the one the current model scores highest is used (dynamic hard negatives).
/// </summary>
public static class HardNegatives
{
    /// <summary>Returns one negative per row in <paramref name="rows"/>, as an int64 tensor [B].</summary>
    /// <param name="rows">Rows (users) of the batch.</param>
    /// <param name="positives">Positives to avoid.</param>
    /// <param name="rowVectors">[B, D] detached vectors of the batch rows.</param>
    /// <param name="candidates">[N, D] detached vectors of all candidates.</param>
    /// <param name="k">Candidates per row.</param>
    /// <param name="excludeSelf">True when candidates are users.</param>
    /// <param name="random">Seeded source of the candidates.</param>
    public static Tensor Pick(int[] rows, PositivePairs positives, Tensor rowVectors, Tensor candidates, int k,
        bool excludeSelf, Random random)
    {
        var n = (int)candidates.shape[0];
        var drawn = new long[rows.Length * k];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < k; j++)
            {
                int c, tries = 0;
                do c = random.Next(n);
                while ((positives.Matrix.Contains(rows[i], c) || (excludeSelf && c == rows[i])) && ++tries < 20);
                drawn[i * k + j] = c;
            }
        using var scope = NewDisposeScope();
        var ids = tensor(drawn).view(rows.Length, k); // [B, k]
        if (k == 1) return ids.squeeze(1).MoveToOuterDisposeScope();
        using var noGrad = no_grad();
        var scores = (candidates.index_select(0, ids.flatten()).view(rows.Length, k, -1) * rowVectors.unsqueeze(1)).sum(-1);
        var best = scores.argmax(1, keepdim: true); // [B, 1]
        return ids.gather(1, best).squeeze(1).MoveToOuterDisposeScope();
    }
}
