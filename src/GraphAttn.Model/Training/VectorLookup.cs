using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Rows of a vector table by global index. The table either covers every node (full-graph forward) or only the
/// targets of a mini-batch block, whose global indices are listed ascending in <c>globalIds</c>.
/// </summary>
/// <param name="table">[N or targets, D] vectors (with gradient).</param>
/// <param name="globalIds">Ascending global index of each table row; null when row i is node i.</param>
public sealed class VectorLookup(Tensor table, int[]? globalIds = null)
{
    /// <summary>The vectors, [N or targets, D].</summary>
    public Tensor Table => table;

    /// <summary>[ids.Length, D] rows of the given global indices.</summary>
    /// <exception cref="ArgumentException">An index is not among the table's rows.</exception>
    public Tensor Rows(int[] ids) => table.index_select(0, tensor(LocalRows(ids)));

    /// <summary>The table row of each global index.</summary>
    /// <exception cref="ArgumentException">An index is not among the table's rows.</exception>
    public long[] LocalRows(int[] ids)
    {
        var local = new long[ids.Length];
        var count = table.shape[0];
        for (var i = 0; i < ids.Length; i++)
        {
            var at = globalIds is null ? ids[i] : Array.BinarySearch(globalIds, ids[i]);
            if (at < 0 || at >= count) throw new ArgumentException($"node {ids[i]} is not a row of this table");
            local[i] = at;
        }
        return local;
    }
}
