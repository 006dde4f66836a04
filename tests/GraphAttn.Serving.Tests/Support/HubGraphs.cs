using GraphAttn.Graph;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>Seeded random follow graphs whose degrees are skewed: a few hubs followed by a large share of users.</summary>
internal static class HubGraphs
{
    /// <summary>A social graph of <paramref name="users"/> users u0..; users 0-2 are hubs, every 13th user follows nobody.</summary>
    public static SocialGraph Social(int users, int seed)
    {
        var random = new Random(seed);
        var b = new GraphBuilder();
        for (int u = 0; u < users; u++)
        {
            b.AddUser($"u{u}", $"user {u}");
        }

        b.AddContent("c0", "content 0");
        for (int u = 0; u < users; u++)
        {
            if (u % 13 == 5)
            {
                continue;
            }

            for (int k = random.Next(1, 9); k > 0; k--)
            {
                int v = random.Next(4) == 0 ? random.Next(3) : random.Next(users);
                if (v != u)
                {
                    b.AddFollow($"u{u}", $"u{v}");
                }
            }
        }

        return b.Build();
    }

    /// <summary>The undirected friend graph of <see cref="Social"/>.</summary>
    public static Csr Friends(int users, int seed) => Neighbourhood.Undirected(Social(users, seed));

    /// <summary>A star: node 0 linked to every other node, and nodes 1 and 2 linked to each other.</summary>
    public static Csr Star(int nodes)
    {
        var sources = new List<int>();
        var targets = new List<int>();
        for (int v = 1; v < nodes; v++)
        {
            sources.AddRange([0, v]);
            targets.AddRange([v, 0]);
        }

        sources.AddRange([1, 2]);
        targets.AddRange([2, 1]);
        return Csr.FromEdges(nodes, sources.ToArray(), targets.ToArray());
    }
}
