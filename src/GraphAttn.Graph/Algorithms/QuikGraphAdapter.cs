using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace GraphAttn.Graph.Algorithms;

/// <summary>
/// Views the follow graph as a QuikGraph graph so its algorithm library can be used on it (no copy of the CSR
/// arrays beyond QuikGraph's own adjacency). Used for connected components; more algorithms plug in the same way.
/// </summary>
public static class QuikGraphAdapter
{
    /// <summary>The follow graph as a QuikGraph <see cref="AdjacencyGraph{TVertex,TEdge}"/> over user indices.</summary>
    public static AdjacencyGraph<int, SEquatableEdge<int>> FollowGraph(SocialGraph g)
    {
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false, g.UserCount, 16);
        graph.AddVertexRange(Enumerable.Range(0, g.UserCount));
        for (var u = 0; u < g.UserCount; u++)
            foreach (var v in g.Following.Neighbors(u)) graph.AddEdge(new SEquatableEdge<int>(u, v));
        return graph;
    }

    /// <summary>Weakly connected component id per user (QuikGraph's algorithm) and the component count.</summary>
    public static (int[] Component, int Count) WeakComponents(SocialGraph g)
    {
        var algorithm = new WeaklyConnectedComponentsAlgorithm<int, SEquatableEdge<int>>(FollowGraph(g));
        algorithm.Compute();
        var component = new int[g.UserCount];
        foreach (var (user, id) in algorithm.Components) component[user] = id;
        return (component, algorithm.ComponentCount);
    }
}
