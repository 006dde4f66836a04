using GraphAttn.Graph.Matrices;

namespace GraphAttn.Graph.Splits;

/// <summary>
/// Holds out a share of friendships for friend recommendation. Edges are grouped into unordered pairs first, so
/// when both u->v and v->u exist (mutual friends, as in Last.fm) both leave training together and the reverse
/// edge cannot leak the answer.
/// </summary>
public static class FollowEdgeSplitter
{
    /// <summary>Holds out round(share x pairs) friendships (at least one when any exist), chosen at random.</summary>
    /// <param name="edges">Directed follow edges (user -> user); self-loops are ignored.</param>
    /// <param name="users">Number of users.</param>
    /// <param name="share">Share of unordered pairs to hold out; default 0.1.</param>
    /// <param name="seed">Seed; default 2026.</param>
    /// <returns>Users x users matrix of held-out directed edges.</returns>
    public static SparseBinaryMatrix Split(
        IEnumerable<(int From, int To)> edges, int users, double share = SplitDefaults.HeldOutFollowShare,
        int seed = SplitDefaults.Seed)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (share is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "Held-out share must lie in [0, 1].");
        }
        var directed = edges.Where(e => e.From != e.To).Distinct().ToList();
        var pairs = directed.Select(e => (Math.Min(e.From, e.To), Math.Max(e.From, e.To))).Distinct().ToList();
        pairs.Sort();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs));
        var take = pairs.Count == 0 ? 0 : Math.Max(1, (int)Math.Round(share * pairs.Count));
        if (share == 0)
        {
            take = 0;
        }
        var heldOut = pairs.Take(take).ToHashSet();
        var test = directed.Where(e => heldOut.Contains((Math.Min(e.From, e.To), Math.Max(e.From, e.To))));
        return SparseBinaryMatrix.FromPairs(users, users, test);
    }
}
