using System.Buffers;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// The top k users by Adamic-Adar with a user, exactly as ranking the full row would give them, reading only the
/// users two hops away. Friends are walked in the order <see cref="AdamicAdar.Row"/> walks them and each contribution is
/// added as a float, so every sum is bit for bit the reference's; the sums go into the thread's
/// <see cref="ThreadScratch"/> row.
/// <para>
/// A second pass offers the sums to the top k, list by list from the friend of fewest ties (the largest contribution)
/// to the hubs. A user first met in a list can only have gathered the contributions of that list and the ones after
/// it, so once those add up to less than the k-th best score no unseen user can enter and the hubs' long lists are
/// not read again (on bench-100k that skips most of the pass). Each sum is read once and reset, against a floor (the
/// k-th best so far; a sum already read is 0 or below and falls under it), so the common case is one predictable
/// comparison. An earlier version listed the touched users in the first pass (each listing waited on the previous
/// read) and offered every one of them to the heap (throughput before and after: tests/GraphAttn.Server.Benchmarks/README.md).
/// </para>
/// </summary>
internal static class AdamicAdarTopK
{
    // Skipped lists longer than this share of the row are cleared with the whole row: one memset beats that many
    // scattered stores.
    private const int ClearRowRatio = 32;

    // Above this many skipped lists, a pick's mutual friends are counted by one list intersection rather than a
    // binary search per skipped list.
    private const int SearchSkippedLists = 64;

    /// <summary>The best <paramref name="k"/> users v with AA(user, v) &gt; 0 that <paramref name="excluded"/> lets through, best first.</summary>
    public static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded) => Top(friends, user, k, excluded, out _);

    /// <summary>
    /// As <see cref="Top(Csr, int, int, Func{int, bool})"/>, with each pick's mutual friends found on the way:
    /// <paramref name="mutual"/>[i] = |N(user) ∩ N(pick i)| (the graph is undirected: the lists the pick appears in),
    /// instead of intersecting its list, often a hub's thousands of ties, with the user's afterwards. With
    /// <paramref name="listMutual"/>, <paramref name="mutualFriends"/>[i] lists them, ascending.
    /// </summary>
    public static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded, out int[] mutual,
        bool listMutual, out List<int>[] mutualFriends)
    {
        var met = listMutual ? new List<(int User, int Friend)>() : null;
        var top = Top(friends, user, k, excluded, out mutual, met);
        mutualFriends = [];
        if (met is null) return top;
        var at = new Dictionary<int, int>(top.Length);
        mutualFriends = new List<int>[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            at[top[i].Index] = i;
            mutualFriends[i] = new List<int>(mutual[i]);
        }
        foreach (var (v, w) in met)
            if (at.TryGetValue(v, out var i)) mutualFriends[i].Add(w);
        foreach (var list in mutualFriends) list.Sort();
        return top;
    }

    /// <summary>As <see cref="Top(Csr, int, int, Func{int, bool})"/>, with each pick's count of mutual friends.</summary>
    public static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded, out int[] mutual) =>
        Top(friends, user, k, excluded, out mutual, met: null);

    // met, when given, receives (user taken into the top k, friend whose list it was met in) pairs: every mutual
    // friend of every pick, and of some users that were taken and later pushed out.
    private static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded, out int[] mutual,
        List<(int User, int Friend)>? met)
    {
        mutual = [];
        if (k == 0) return [];
        var n = friends.NodeCount;
        var sums = ThreadScratch.Sums(n);
        var neighbors = friends.Neighbors(user);
        var order = ArrayPool<int>.Shared.Rent(neighbors.Length);
        var degrees = ArrayPool<int>.Shared.Rent(neighbors.Length);
        var clean = false;
        try
        {
            foreach (var w in neighbors)
            {
                var contribution = AdamicAdar.Contribution(friends.Degree(w));
                if (contribution == 0f) continue;
                foreach (var v in friends.Neighbors(w)) sums[v] += contribution;
            }

            var byDegree = order.AsSpan(0, neighbors.Length);
            neighbors.CopyTo(byDegree);
            var keys = degrees.AsSpan(0, neighbors.Length);
            for (var i = 0; i < keys.Length; i++) keys[i] = friends.Degree(byDegree[i]);
            keys.Sort(byDegree);

            var best = new TopKHeap(k);
            var taken = ThreadScratch.Touched(n);
            var scanned = Offer(friends, user, byDegree, sums, excluded, best, taken, out var takenCount, met);
            var top = best.DrainBestFirst();
            var skipped = byDegree[scanned..];
            mutual = MutualCounts(friends, user, top, skipped, sums, met);
            Reset(friends, skipped, sums, taken.AsSpan(0, takenCount));
            clean = true;
            return top;
        }
        finally
        {
            // The scratch row must be all zero for the thread's next request, whatever stopped this one.
            if (!clean) Array.Clear(sums, 0, n);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(degrees);
        }
    }

    // Offers every sum met in the lists, in the given order, until no unseen user can enter the top k; returns how
    // many lists were read. An entry taken into the top k is set to -1 and counts down at each later list it appears
    // in (its mutual friends so far); any other entry read is reset to 0.
    private static int Offer(Csr friends, int user, ReadOnlySpan<int> byDegree, float[] sums, Func<int, bool> excluded,
        TopKHeap best, int[] taken, out int takenCount, List<(int User, int Friend)>? met)
    {
        double remaining = 0;
        foreach (var w in byDegree) remaining += AdamicAdar.Contribution(friends.Degree(w));
        // A float sum of m terms may exceed their exact sum by up to m half-ulps: the bound is widened by that much.
        var slack = 1.0 + byDegree.Length * 1.2e-7;
        var floor = float.Epsilon;
        takenCount = 0;
        for (var j = 0; j < byDegree.Length; j++)
        {
            if (best.IsFull && remaining * slack < floor) return j;
            var w = byDegree[j];
            remaining -= AdamicAdar.Contribution(friends.Degree(w));
            foreach (var v in friends.Neighbors(w))
            {
                var sum = sums[v];
                if (sum < floor)
                {
                    if (sum < 0f)
                    {
                        sums[v] = sum - 1f;
                        met?.Add((v, w));
                    }
                    else
                    {
                        sums[v] = 0f;
                    }
                    continue;
                }
                if (!best.WouldAccept(sum, v) || v == user || excluded(v))
                {
                    sums[v] = 0f;
                    continue;
                }
                best.Add(sum, v);
                sums[v] = -1f;
                taken[takenCount++] = v;
                met?.Add((v, w));
                floor = MathF.Max(float.Epsilon, best.Threshold);
            }
        }
        return byDegree.Length;
    }

    // Every pick was taken when first met: its entry holds minus its count over the lists read; the skipped lists
    // (or, when they are many, the whole intersection) give the rest.
    private static int[] MutualCounts(Csr friends, int user, ScoredIndex[] top, ReadOnlySpan<int> skipped, float[] sums,
        List<(int User, int Friend)>? met)
    {
        var mutual = new int[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var v = top[i].Index;
            if (skipped.Length > SearchSkippedLists)
            {
                // Pairs from the lists read are dropped for this pick: the intersection lists all of them again.
                met?.RemoveAll(p => p.User == v);
                var common = SortedIntersection.Common(friends.Neighbors(user), friends.Neighbors(v));
                mutual[i] = common.Count;
                foreach (var w in common) met?.Add((v, w));
                continue;
            }
            var count = (int)-sums[v];
            foreach (var w in skipped)
            {
                if (friends.Neighbors(w).BinarySearch(v) < 0) continue;
                count++;
                met?.Add((v, w));
            }
            mutual[i] = count;
        }
        return mutual;
    }

    private static void Reset(Csr friends, ReadOnlySpan<int> skipped, float[] sums, ReadOnlySpan<int> taken)
    {
        long unread = 0;
        foreach (var w in skipped) unread += friends.Degree(w);
        if (unread * ClearRowRatio > friends.NodeCount)
        {
            Array.Clear(sums, 0, friends.NodeCount);
            return;
        }
        foreach (var w in skipped)
            foreach (var v in friends.Neighbors(w)) sums[v] = 0f;
        foreach (var v in taken) sums[v] = 0f;
    }
}
