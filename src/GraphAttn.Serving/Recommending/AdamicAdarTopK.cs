using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// The top k users by Adamic-Adar with a user, exactly as ranking the full row would give them, while reading as few
/// neighbour lists as the answer allows. Friends are walked from the fewest ties to the most, so each adds less than
/// the one before (1 / ln degree); partial sums go into a per-thread scratch. Before a long list, if even everything
/// left to walk could not lift an unseen user to the k-th best partial sum, the walk stops: most of a request's reads
/// are the audiences of followed hubs, whose shared-friend weight is the smallest. The users that can still reach the
/// top k are then scored exactly with <see cref="AdamicAdar.Pair"/> (the reference's float, summed in its order).
/// </summary>
internal sealed class AdamicAdarTopK
{
    // A list shorter than this is walked rather than checked for a stop: the check reads every touched user.
    private const int CheckBeforeDegree = 128;

    [ThreadStatic]
    private static AdamicAdarTopK? t_spare;

    private double[] _partial = [];
    private int[] _touched = [];

    /// <summary>The best <paramref name="k"/> users v with AA(user, v) &gt; 0 that <paramref name="excluded"/> lets through, best first.</summary>
    public static ScoredIndex[] Top(Csr friends, int user, int k, Func<int, bool> excluded)
    {
        if (k == 0) return [];
        AdamicAdarTopK scratch = t_spare ?? new AdamicAdarTopK();
        t_spare = null;
        try
        {
            return scratch.Run(friends, user, k, excluded);
        }
        finally
        {
            t_spare = scratch;
        }
    }

    private ScoredIndex[] Run(Csr friends, int user, int k, Func<int, bool> excluded)
    {
        int n = friends.NodeCount;
        if (_partial.Length < n)
        {
            _partial = new double[n];
            _touched = new int[n];
        }

        ReadOnlySpan<int> mine = friends.Neighbors(user);
        // (degree, node): fewest ties first, so contributions never grow along the walk.
        var order = new long[mine.Length];
        for (int i = 0; i < order.Length; i++) order[i] = ((long)friends.Degree(mine[i]) << 32) | (uint)mine[i];
        Array.Sort(order);
        double left = 0; // Σ contributions of the friends not walked yet
        foreach (long key in order) left += AdamicAdar.Contribution((int)(key >> 32));

        // A float sum of the same terms in another order differs from the exact one by at most this share.
        double slack = 1e-9 + 2.0 * mine.Length * Math.Pow(2, -24);
        int count = 0, checkedAt = -1;
        double threshold = 0;
        try
        {
            foreach (long key in order)
            {
                int degree = (int)(key >> 32);
                double contribution = AdamicAdar.Contribution(degree);
                if (contribution == 0) continue;
                if (degree >= CheckBeforeDegree && count > checkedAt + checkedAt / 4)
                {
                    checkedAt = count;
                    threshold = KthBest(user, k, excluded, count);
                    // Nobody unseen can get past the k-th best: stop before this list and the longer ones after it.
                    if (threshold > 0 && left * (1 + slack) < threshold * (1 - slack)) break;
                }

                foreach (int v in friends.Neighbors((int)key))
                {
                    if (_partial[v] == 0) _touched[count++] = v;
                    _partial[v] += contribution;
                }

                left -= contribution;
            }

            if (left < 0) left = 0;
            threshold = KthBest(user, k, excluded, count);
            var best = new TopKHeap(k);
            for (int i = 0; i < count; i++)
            {
                int v = _touched[i];
                if ((_partial[v] + left) * (1 + slack) < threshold * (1 - slack) || v == user || excluded(v)) continue;
                best.Add(AdamicAdar.Pair(friends, user, v), v);
            }

            return best.DrainBestFirst();
        }
        finally
        {
            for (int i = 0; i < count; i++) _partial[_touched[i]] = 0;
        }
    }

    // The k-th largest partial sum among touched users the ranking may return; 0 while fewer than k.
    private double KthBest(int user, int k, Func<int, bool> excluded, int count)
    {
        var heap = new TopKHeap(k);
        for (int i = 0; i < count; i++)
        {
            int v = _touched[i];
            float partial = (float)_partial[v];
            if (heap.WouldAccept(partial, v) && v != user && !excluded(v)) heap.Add(partial, v);
        }

        return heap.IsFull ? (double)heap.Threshold * (1 - 1e-6) : 0;
    }
}
