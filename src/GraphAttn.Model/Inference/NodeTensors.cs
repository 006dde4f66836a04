using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The weight rows of a block's local nodes: Rows [N] int64 (unknown nodes point at row 0) and Known [N, 1] float
/// (0 for nodes without a weight row, whose id vector becomes zero; null when every node is known).
/// </summary>
internal sealed record NodeTensors(Tensor Rows, Tensor? Known, int Count)
{
    /// <summary>Rows for <paramref name="globals"/> through <paramref name="rowOf"/> (-1 = no row).</summary>
    public static NodeTensors Create(IReadOnlyList<int> globals, Func<int, int> rowOf)
    {
        var rows = new long[globals.Count];
        var known = new float[globals.Count];
        var allKnown = true;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = globals[i] < 0 ? -1 : rowOf(globals[i]);
            rows[i] = Math.Max(0, row);
            known[i] = row < 0 ? 0f : 1f;
            allKnown &= row >= 0;
        }
        return new NodeTensors(tensor(rows), allKnown ? null : tensor(known).view(-1, 1), rows.Length);
    }

    /// <summary>Looks the rows up in <paramref name="weight"/> [R, D] -> [N, D], zeroing unknown nodes.</summary>
    public Tensor Gather(Tensor weight)
    {
        var rows = TableRows.Gather(weight, Rows);
        return Known is null ? rows : rows * Known;
    }
}
