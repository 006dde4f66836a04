namespace GraphAttn.Model.Training;

/// <summary>
/// Chooses each positive's hard negative among its candidates by scores from a fixed table of vectors (managed
/// arrays, row-major [N * D]), so the candidates need no forward pass. Used by mini-batch training with
/// <see cref="TrainOptions.StaleNegatives"/>.
/// </summary>
public static class StaleNegatives
{
    /// <summary>The batch with one candidate per positive (K = 1): the candidate whose score row . candidate is highest.</summary>
    /// <param name="batch">Positives with K candidates each.</param>
    /// <param name="rows">[rows * D] vectors of the rows (users, or friend vectors).</param>
    /// <param name="columns">[columns * D] vectors of the candidates (contents, or friend vectors).</param>
    /// <param name="dimension">D.</param>
    public static unsafe TaskBatch Choose(TaskBatch batch, float[] rows, float[] columns, int dimension)
    {
        if (batch.K == 1) return batch;
        var chosen = new int[batch.Count];
        fixed (float* r = rows, c = columns)
            for (var i = 0; i < batch.Count; i++)
            {
                var candidates = batch.Candidates.AsSpan(i * batch.K, batch.K); // global indices are table rows here
                chosen[i] = candidates[HardNegatives.BestOf(r + (long)batch.Rows[i] * dimension, c, candidates, dimension)];
            }
        return new TaskBatch(batch.Rows, batch.Positives, chosen, 1);
    }
}
