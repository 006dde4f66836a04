using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// BPR loss of one task batch with dynamic hard negatives: -mean log sigmoid(row . positive - row . hardest negative),
/// plus the mean squared norm of the vectors involved (the L2 term). Shared by full-graph and mini-batch training.
/// </summary>
public static class BprLoss
{
    /// <summary>Loss and norms of <paramref name="batch"/> (both scalars; zero for an empty batch).</summary>
    /// <param name="rows">Vectors of the batch rows (user vectors, or friend vectors).</param>
    /// <param name="columns">Vectors of positives and candidates (content vectors, or friend vectors).</param>
    /// <param name="batch">Positives and candidates, global indices.</param>
    public static (Tensor Loss, Tensor Norms) Compute(VectorLookup rows, VectorLookup columns, TaskBatch batch)
    {
        if (batch.Count == 0) return (zeros(1).sum(), zeros(1).sum());
        var rowVectors = rows.Rows(batch.Rows); // [B, D]
        var positives = columns.Rows(batch.Positives); // [B, D]
        var hardest = batch.K == 1 ? batch.Candidates : Hardest(rowVectors, columns, batch);
        var negatives = columns.Rows(hardest); // [B, D]
        var margin = (rowVectors * positives).sum(-1) - (rowVectors * negatives).sum(-1);
        var loss = -nn.functional.logsigmoid(margin).mean();
        var norms = rowVectors.pow(Scalars.Two).sum(-1).Plus(positives.pow(Scalars.Two).sum(-1))
            .Plus(negatives.pow(Scalars.Two).sum(-1)).mean();
        return (loss, norms);
    }

    private static int[] Hardest(Tensor rowVectors, VectorLookup columns, TaskBatch batch)
    {
        using var noGrad = no_grad();
        using var table = columns.Table.detach().contiguous();
        return HardNegatives.Hardest(rowVectors, table, columns.LocalRows(batch.Candidates), batch.Candidates, batch.K);
    }
}
