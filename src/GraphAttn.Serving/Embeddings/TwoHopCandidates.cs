using GraphAttn.Graph;

namespace GraphAttn.Serving.Embeddings;

/// <summary>
/// Users reachable from a user through one shared friend in the undirected follow graph: the only users whose
/// Adamic-Adar with them is above 0, hence the only ones the friend score's structural term can lift past the vector
/// index's top results.
/// </summary>
public static class TwoHopCandidates
{
    /// <summary>
    /// Most distinct users collected per request. Each one is rescored exactly (a dot product and an Adamic-Adar pair),
    /// and a user who follows a hub would otherwise collect the hub's whole audience (millions) on every request.
    /// </summary>
    public const int MaxCandidates = 10_000;

    /// <summary>
    /// Most neighbour-list entries read per request: bounds the walk itself when friends share most of their ties
    /// (every entry read, few new users), which <see cref="MaxCandidates"/> alone would not.
    /// </summary>
    public const int MaxVisits = 20 * MaxCandidates;

    /// <summary>
    /// Two-hop neighbours of <paramref name="user"/> (possibly including the user and their friends: callers filter),
    /// at most <paramref name="maxCandidates"/>. Shared friends are walked in order of increasing degree, so when a cap
    /// stops the walk, what is left out is reachable only through the best-connected friends, whose Adamic-Adar
    /// contribution 1 / ln(degree) is the smallest.
    /// </summary>
    /// <param name="friends">Undirected follow graph.</param>
    /// <param name="user">Node to walk from.</param>
    /// <param name="maxCandidates">Cap on distinct users returned.</param>
    /// <param name="maxVisits">Cap on neighbour-list entries read.</param>
    public static HashSet<int> Collect(Csr friends, int user, int maxCandidates = MaxCandidates, int maxVisits = MaxVisits)
    {
        ArgumentNullException.ThrowIfNull(friends);
        using CandidateMarks marks = CandidateMarks.Rent(friends.NodeCount);
        CollectInto(friends, user, marks, maxCandidates, maxVisits);
        return [.. marks.Items];
    }

    /// <summary>
    /// <see cref="Collect"/> into a per-thread set instead of a new <see cref="HashSet{T}"/>: the same users, walked in
    /// the same order under the same caps.
    /// </summary>
    internal static void CollectInto(Csr friends, int user, CandidateMarks found, int maxCandidates = MaxCandidates, int maxVisits = MaxVisits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCandidates);
        ArgumentOutOfRangeException.ThrowIfNegative(maxVisits);
        ReadOnlySpan<int> neighbours = friends.Neighbors(user);
        // (degree, node) packed in one key: sorts by degree, ties by node, so a capped walk is deterministic.
        var order = new long[neighbours.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = ((long)friends.Degree(neighbours[i]) << 32) | (uint)neighbours[i];
        }

        Array.Sort(order);
        int visits = 0;
        foreach (long key in order)
        {
            foreach (int v in friends.Neighbors((int)key))
            {
                if (found.Count >= maxCandidates || visits >= maxVisits)
                {
                    return;
                }

                visits++;
                found.Add(v);
            }
        }
    }
}
