using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Serving.Embeddings;

namespace GraphAttn.Serving.Tests.Embeddings;

public sealed class TwoHopCandidatesTests
{
    [Fact]
    public void Collect_Uncapped_IsEveryUserWithPositiveAdamicAdarAndNoOther()
    {
        Csr friends = RandomFriends(users: 300, seed: 3);
        var aa = new float[friends.NodeCount];

        for (int user = 0; user < friends.NodeCount; user += 17)
        {
            HashSet<int> found = TwoHopCandidates.Collect(friends, user);
            AdamicAdar.Row(friends, user, aa);

            for (int v = 0; v < friends.NodeCount; v++)
            {
                if (aa[v] > 0f)
                {
                    Assert.Contains(v, found);
                }
            }

            Assert.All(found, v => Assert.True(friends.Neighbors(v).ToArray().Intersect(friends.Neighbors(user).ToArray()).Any()));
        }
    }

    [Fact]
    public void Collect_Capped_WalksTheLeastConnectedSharedFriendsFirst()
    {
        // User 0's friends: 1 (ties to 10, 11) and 2, a hub tied to 20..119. A cap of 3 keeps what 1 reaches.
        var edges = new List<(int, int)> { (0, 1), (0, 2), (1, 10), (1, 11) };
        edges.AddRange(Enumerable.Range(20, 100).Select(v => (2, v)));
        Csr friends = Undirected(120, edges);

        HashSet<int> found = TwoHopCandidates.Collect(friends, 0, maxCandidates: 3);

        Assert.Equal([0, 10, 11], found.Order());
    }

    [Fact]
    public void Collect_VisitCap_StopsTheWalk()
    {
        var edges = new List<(int, int)> { (0, 1), (0, 2), (1, 10), (1, 11), (2, 10), (2, 11), (2, 12) };
        Csr friends = Undirected(13, edges);

        Assert.Equal(2, TwoHopCandidates.Collect(friends, 0, maxVisits: 2).Count);
        Assert.Equal([0, 10, 11, 12], TwoHopCandidates.Collect(friends, 0).Order());
    }

    [Fact]
    public void AdamicAdarPair_HubsAndOrdinaryUsers_EqualsTheTwoHopRowBitForBit()
    {
        // Rescoring uses Pair (merge, or binary search next to a hub); full ranking uses Row: both must agree exactly.
        Csr friends = RandomFriends(users: 400, seed: 9);
        var row = new float[friends.NodeCount];
        for (int u = 0; u < friends.NodeCount; u += 7)
        {
            AdamicAdar.Row(friends, u, row);
            for (int v = 0; v < friends.NodeCount; v += 3)
            {
                Assert.Equal(row[v], AdamicAdar.Pair(friends, u, v));
            }
        }
    }

    // Skewed degrees: users 0..4 are hubs tied to most others, so both the merge and the search path run.
    private static Csr RandomFriends(int users, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        for (int u = 0; u < users; u++)
        {
            for (int k = random.Next(4); k > 0; k--)
            {
                edges.Add((u, random.Next(users)));
            }

            if (u >= 5 && random.NextDouble() < 0.8)
            {
                edges.Add((u, random.Next(5)));
            }
        }

        return Undirected(users, edges.Where(e => e.Item1 != e.Item2));
    }

    private static Csr Undirected(int users, IEnumerable<(int From, int To)> edges)
    {
        var b = new GraphBuilder();
        for (int u = 0; u < users; u++)
        {
            b.AddUser($"u{u}", $"u{u}");
        }

        foreach (var (from, to) in edges)
        {
            b.AddFollow($"u{from}", $"u{to}");
        }

        SocialGraph graph = b.Build();
        return Neighbourhood.Undirected(graph);
    }
}
