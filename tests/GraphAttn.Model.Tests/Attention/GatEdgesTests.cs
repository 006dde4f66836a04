using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class GatEdgesTests
{
    [Fact]
    public void FromPairs_WithSelfLoops_ReplacesExistingLoopsByExactlyOnePerNode()
    {
        var edges = GatEdges.FromPairs([0, 1, 1, 2, 2], [1, 1, 0, 1, 2], 3, 3, addSelfLoops: true);
        Assert.Equal(new[] { 0, 2, 5, 6 }, edges.TargetOffsets);
        Assert.Equal(new[] { 0, 1, 1, 0, 2, 2 }, edges.Sources);
        Assert.Equal(new[] { 0, 0, 1, 1, 1, 2 }, edges.EdgeTargets);
    }

    [Fact]
    public void FromPairs_AnyGraph_ReverseIndexListsEveryEdgeOnceUnderItsSource()
    {
        var edges = RandomGraphs.Homogeneous(nodes: 50, edges: 400, seed: 7, addSelfLoops: true);
        Assert.Equal(Enumerable.Range(0, edges.EdgeCount), edges.SourceEdgeIds.Order());
        for (var s = 0; s < edges.SourceCount; s++)
            for (var j = edges.SourceOffsets[s]; j < edges.SourceOffsets[s + 1]; j++)
                Assert.Equal(s, edges.Sources[edges.SourceEdgeIds[j]]);
    }

    [Fact]
    public void FromPairs_OutOfRangeNode_ThrowsWithEdgeNumber()
    {
        var error = Assert.Throws<ArgumentException>(() => GatEdges.FromPairs([0, 5], [1, 1], 3, 3, false));
        Assert.Contains("edge 1", error.Message);
    }

    [Fact]
    public void FromPairs_SelfLoopsOnBipartite_Throws() =>
        Assert.Throws<ArgumentException>(() => GatEdges.FromPairs([0], [1], 3, 2, addSelfLoops: true));
}
