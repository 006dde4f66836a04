using GraphAttn.Model.Training;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Training;

public sealed class HardNegativesTests
{
    [Fact]
    public void Hardest_HandMadeVectors_PicksEachRowsHighestScoringCandidate()
    {
        using var scope = NewDisposeScope();
        // Table rows are global nodes 10, 20, 30, 40 (a mini-batch table); two rows, three candidates each.
        var table = new VectorLookup(tensor(new float[] { 1, 0, 0, 1, 1, 1, -1, 0 }).view(4, 2), [10, 20, 30, 40]);
        var rows = tensor(new float[] { 2, 1, -1, 0 }).view(2, 2);
        int[] candidates = [10, 20, 40, 10, 20, 40];
        var chosen = HardNegatives.Hardest(rows, table.Table, table.LocalRows(candidates), candidates, k: 3);
        // Row 0 = (2, 1) scores 2, 1, -2: node 10; row 1 = (-1, 0) scores -1, 0, 1: node 40.
        Assert.Equal(new[] { 10, 40 }, chosen);
    }

    [Fact]
    public void Hardest_TiedScores_KeepsTheFirstCandidate()
    {
        using var scope = NewDisposeScope();
        var table = tensor(new float[] { 1, 0, 1, 0 }).view(2, 2);
        var chosen = HardNegatives.Hardest(tensor(new float[] { 1, 1 }).view(1, 2), table, [1, 0], [7, 3], k: 2);
        Assert.Equal(new[] { 7 }, chosen);
    }

    [Fact]
    public void LocalRows_IndexNotInTable_Throws()
    {
        using var scope = NewDisposeScope();
        var table = new VectorLookup(zeros(2, 2), [5, 9]);
        Assert.Equal(new long[] { 1, 0 }, table.LocalRows([9, 5]));
        Assert.Contains("node 6", Assert.Throws<ArgumentException>(() => table.LocalRows([6])).Message);
    }
}
