using static TorchSharp.torch;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// Row gathers from a weight or vector table that may have no rows. A graph without content (a pure friendship graph
/// such as SNAP ego-Facebook) has a content table of shape [0, D], yet padded history slots and block placeholders
/// still point at row 0: libtorch's <c>index_select</c> rejects any index into an empty dimension ("self indexing axis
/// dim should be positive"). Those slots are masked or zero-weighted downstream, so zero vectors stand in for them.
/// </summary>
internal static class TableRows
{
    /// <summary>
    /// <paramref name="table"/>[<paramref name="index"/>] -> [N, D]; zeros [N, D] when the table is empty (then every
    /// index is a padding or placeholder slot by construction).
    /// </summary>
    /// <param name="table">[R, D], R may be 0.</param>
    /// <param name="index">[N] int64 row indices.</param>
    public static Tensor Gather(Tensor table, Tensor index) =>
        table.shape[0] == 0 ? zeros(index.shape[0], table.shape[1], table.dtype) : table.index_select(0, index);
}
