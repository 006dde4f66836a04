using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

/// <summary>Random edge lists with the awkward cases: isolated nodes, self-loops, duplicate edges and a hub.</summary>
internal static class RandomGraphs
{
    public static GatEdges Homogeneous(int nodes, int edges, int seed, bool addSelfLoops)
    {
        var (src, dst) = Pairs(nodes, nodes, edges, seed);
        return GatEdges.FromPairs(src, dst, nodes, nodes, addSelfLoops);
    }

    public static GatEdges Bipartite(int sources, int targets, int edges, int seed)
    {
        var (src, dst) = Pairs(sources, targets, edges, seed);
        return GatEdges.FromPairs(src, dst, sources, targets, addSelfLoops: false);
    }

    private static (int[] Src, int[] Dst) Pairs(int sources, int targets, int edges, int seed)
    {
        var random = new Random(seed);
        var src = new List<int>();
        var dst = new List<int>();
        // The last quarter of the targets stays isolated; target 0 is a hub receiving a third of the edges.
        var active = Math.Max(1, targets * 3 / 4);
        for (var e = 0; e < edges; e++)
        {
            var t = e % 3 == 0 ? 0 : random.Next(active);
            var s = random.Next(sources);
            src.Add(s);
            dst.Add(t);
            if (e % 10 == 0) { src.Add(s); dst.Add(t); } // duplicate
            if (e % 17 == 0 && t < sources) { src.Add(t); dst.Add(t); } // explicit self-loop
        }
        return (src.ToArray(), dst.ToArray());
    }
}
