namespace GraphAttn.Graph.Tests;

public class CsrTests
{
    [Fact]
    public void FromEdges_DuplicatesAndUnsortedInput_RowsSortedAndDeduplicated()
    {
        var csr = Csr.FromEdges(3, [2, 0, 0, 0, 2], [1, 2, 1, 2, 0]);
        Assert.Equal([1, 2], csr.Neighbors(0).ToArray());
        Assert.Empty(csr.Neighbors(1).ToArray());
        Assert.Equal([0, 1], csr.Neighbors(2).ToArray());
        Assert.Equal(4, csr.EdgeCount);
        Assert.True(csr.Contains(2, 1));
        Assert.False(csr.Contains(1, 2));
    }

    [Fact]
    public void Transpose_ReversesEveryEdge()
    {
        var csr = Csr.FromEdges(3, [0, 0, 1], [1, 2, 2]);
        var t = csr.Transpose(3);
        Assert.Empty(t.Neighbors(0).ToArray());
        Assert.Equal([0], t.Neighbors(1).ToArray());
        Assert.Equal([0, 1], t.Neighbors(2).ToArray());
    }
}
