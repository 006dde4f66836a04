using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// The top k users by Adamic-Adar with a user, exactly as ranking the full row would give them, reading only the
/// users two hops away. Friends are walked in the order <see cref="AdamicAdar.Row"/> walks them and each contribution is
/// added as a float, so every partial sum is bit for bit the reference's and no pair needs scoring again; the sums go
/// into the thread's <see cref="ThreadScratch"/>, of which only the touched entries are reset. An earlier version
/// stopped before long lists when no unseen user could still reach the top k, then rescored the survivors pair by
/// pair: where ties are many that cost more than the plain walk (figures: tests/GraphAttn.Server.Benchmarks/README.md).
/// </summary>
internal static class AdamicAdarTopK
{
    /// <summary>The best <paramref name="k"/> users v with AA(user, v) &gt; 0 that <paramref name="excluded"/> lets through, best first.</summary>
    public static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded)
    {
        if (k == 0) return [];
        var n = friends.NodeCount;
        var sums = ThreadScratch.Sums(n);
        var touched = ThreadScratch.Touched(n);
        var count = 0;
        try
        {
            foreach (var w in friends.Neighbors(user))
            {
                var contribution = AdamicAdar.Contribution(friends.Degree(w));
                if (contribution == 0f) continue;
                foreach (var v in friends.Neighbors(w))
                {
                    // Branch-free: whether v is new is unpredictable, and a mispredicted branch costs more than the store.
                    touched[count] = v;
                    count += sums[v] == 0f ? 1 : 0;
                    sums[v] += contribution;
                }
            }

            var best = new TopKHeap(k);
            for (var i = 0; i < count; i++)
            {
                var v = touched[i];
                if (!best.WouldAccept(sums[v], v) || v == user || excluded(v)) continue;
                best.Add(sums[v], v);
            }
            return best.DrainBestFirst();
        }
        finally
        {
            for (var i = 0; i < count; i++) sums[touched[i]] = 0f;
        }
    }
}
