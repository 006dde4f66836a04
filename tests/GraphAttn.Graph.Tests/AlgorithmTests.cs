using GraphAttn.Graph.Algorithms;

namespace GraphAttn.Graph.Tests;

public class AlgorithmTests
{
    [Fact]
    public void LabelPropagation_TwoCliquesJoinedByOneEdge_FindsTwoCommunities()
    {
        // Clique {0..4} and clique {5..9}, bridged by 4-5.
        var src = new List<int>();
        var dst = new List<int>();
        void Tie(int a, int b) { src.Add(a); dst.Add(b); src.Add(b); dst.Add(a); }
        for (var i = 0; i < 5; i++) for (var j = i + 1; j < 5; j++) { Tie(i, j); Tie(i + 5, j + 5); }
        Tie(4, 5);
        var labels = LabelPropagation.Communities(Csr.FromEdges(10, src.ToArray(), dst.ToArray()));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(labels[0], labels[i]));
        Assert.All(Enumerable.Range(5, 5), i => Assert.Equal(labels[5], labels[i]));
        Assert.NotEqual(labels[0], labels[5]);
    }

    [Fact]
    public void KHop_TinyGraph_ReturnsDistances()
    {
        var g = TinyGraphs.Five();
        var hops = KHop.Neighbourhood(g.Following, 0, 2); // a→b, a→c; then c→d
        Assert.Equal([(1, 1), (2, 1), (3, 2)], hops);
    }

    [Fact]
    public void WeakComponents_TwoIslands_CountsTwo()
    {
        var b = new GraphBuilder();
        foreach (var u in "abcd") b.AddUser(u.ToString());
        b.AddFollow("a", "b"); b.AddFollow("d", "c");
        var (component, count) = QuikGraphAdapter.WeakComponents(b.Build());
        Assert.Equal(2, count);
        Assert.Equal(component[0], component[1]);
        Assert.NotEqual(component[0], component[2]);
    }
}
