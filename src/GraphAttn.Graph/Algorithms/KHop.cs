namespace GraphAttn.Graph.Algorithms;

/// <summary>Users within k hops of a user (breadth-first over CSR), excluding the user; bounded by a visit limit.</summary>
public static class KHop
{
    /// <summary>
    /// Returns (user, distance) pairs at distance 1..<paramref name="k"/>, nearest first; stops after
    /// <paramref name="limit"/> users so a hub cannot make a request scan the whole graph.
    /// </summary>
    public static List<(int User, int Distance)> Neighbourhood(Csr graph, int user, int k, int limit = 100_000)
    {
        var seen = new HashSet<int> { user };
        var result = new List<(int, int)>();
        var frontier = new List<int> { user };
        for (var d = 1; d <= k && frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (var u in frontier)
                foreach (var v in graph.Neighbors(u))
                {
                    if (!seen.Add(v)) continue;
                    result.Add((v, d));
                    if (result.Count >= limit) return result;
                    next.Add(v);
                }
            frontier = next;
        }
        return result;
    }
}
