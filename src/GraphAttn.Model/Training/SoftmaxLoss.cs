using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Sampled softmax of one task batch: for each positive, -log softmax over [row . positive, row . shared negatives]
/// divided by a temperature, with the negatives that are themselves positives of the row (or the row itself, for
/// users) masked out, plus the mean squared norm of the vectors involved (the L2 term). The negatives are uniform, so
/// no sampling-bias correction is needed: it would add the same constant to every logit.
/// </summary>
public static class SoftmaxLoss
{
    /// <summary>
    /// Score given to masked candidates: its exp() is 0 in float32 at any temperature up to 1e6, and being finite it
    /// cannot turn a row whose candidates are all masked into NaN.
    /// </summary>
    private const double Masked = -1e9;

    /// <summary>Loss and norms of <paramref name="batch"/> (both scalars; zero for an empty batch).</summary>
    /// <param name="rows">Vectors of the batch rows (user vectors, or friend vectors).</param>
    /// <param name="columns">Vectors of positives and candidates (content vectors, or friend vectors).</param>
    /// <param name="batch">Positives and shared candidates (<see cref="TaskBatch.Shared"/>), global indices.</param>
    /// <param name="positives">Every training positive of the task, for masking accidental hits.</param>
    /// <param name="excludeSelf">True when the columns are users, so a row's own index is masked too.</param>
    /// <param name="temperature">Divides every logit; smaller values sharpen the softmax toward hard negatives.</param>
    /// <exception cref="ArgumentException">The batch's candidates are not shared.</exception>
    public static (Tensor Loss, Tensor Norms) Compute(VectorLookup rows, VectorLookup columns, TaskBatch batch,
        PositivePairs positives, bool excludeSelf, double temperature)
    {
        if (batch.Count == 0) return (zeros(1).sum(), zeros(1).sum());
        if (!batch.Shared) throw new ArgumentException("the sampled softmax needs shared candidates");
        var rowVectors = rows.Rows(batch.Rows); // [B, D]
        var positiveVectors = columns.Rows(batch.Positives); // [B, D]
        var negatives = columns.Rows(batch.Candidates); // [S, D]
        var positive = (rowVectors * positiveVectors).sum(-1, keepdim: true); // [B, 1]
        var negative = rowVectors.matmul(negatives.t()); // [B, S]
        var hits = Hits(batch, positives, excludeSelf);
        if (hits.Length > 0)
            negative = negative.view(-1).index_fill(0, tensor(hits), Scalars.Of(Masked)).view(batch.Count, batch.K);
        var logits = cat([positive, negative], 1).div(Scalars.Of(temperature)); // [B, 1 + S]
        var loss = -logits.log_softmax(1).select(1, 0).mean();
        var norms = rowVectors.pow(Scalars.Two).sum(-1).mean().Plus(positiveVectors.pow(Scalars.Two).sum(-1).mean())
            .Plus(negatives.pow(Scalars.Two).sum(-1).mean());
        return (loss, norms);
    }

    /// <summary>
    /// Flat indices i * S + j where shared candidate j is a training positive of row i (or row i itself). Walks each
    /// row's positives against a column -> candidate slot table: O(B * degree), not O(B * S) look-ups, and few
    /// managed allocations (a step that allocates much makes the runtime collect, see <see cref="Scalars"/>).
    /// </summary>
    private static long[] Hits(TaskBatch batch, PositivePairs positives, bool excludeSelf)
    {
        var slot = new Dictionary<int, int>(batch.K);
        for (var j = 0; j < batch.K; j++) slot[batch.Candidates[j]] = j;
        var hits = new List<long>();
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch.Rows[i];
            foreach (var column in positives.Matrix.Row(row))
                if (slot.TryGetValue(column, out var j)) hits.Add((long)i * batch.K + j);
            if (excludeSelf && slot.TryGetValue(row, out var self)) hits.Add((long)i * batch.K + self);
        }
        return [.. hits];
    }
}
