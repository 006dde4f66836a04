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
    /// </summary>
    /// <param name="rowVectors">[B, D] vectors of the batch rows.</param>
    /// <param name="candidateVectors">[B * k, D] vectors of the candidates, row-major.</param>
    /// <param name="candidates">[B * k] global indices of the candidates.</param>
    /// <param name="k">Candidates per row.</param>
    public static int[] Hardest(Tensor rowVectors, Tensor candidateVectors, int[] candidates, int k)
    {
        var rows = candidates.Length / k;
        if (k == 1) return candidates;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var scores = (candidateVectors.detach().view(rows, k, -1) * rowVectors.detach().unsqueeze(1)).sum(-1); // [B, k]
        var best = scores.argmax(1).data<long>().ToArray();
        var chosen = new int[rows];
        for (var i = 0; i < rows; i++) chosen[i] = candidates[i * k + (int)best[i]];
        return chosen;
    }
}
