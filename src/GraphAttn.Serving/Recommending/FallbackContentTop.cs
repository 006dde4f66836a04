using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// The content fallback's top k. The user's filter scores are summed from the item–item rows
/// (<see cref="TruncatedItemFilter"/>) of their items — the graph's history plus what they recorded since, so a live
/// event moves the next answer. When those rows reach little of the catalogue (a large one), only the items reached
/// are ranked: an item not reached scores (λ + ε) · p(c), so of those only the first k unseen ones in popularity order
/// can make the top k, and a request costs O(items × neighbours + k) instead of O(catalogue). Otherwise one pass over
/// the catalogue is cheaper than listing what was reached. Either way the ranking is the dense row's for the graph's
/// history (a test holds both to that).
/// </summary>
internal static class FallbackContentTop
{
    /// <summary>
    /// The best <paramref name="limit"/> contents for <paramref name="user"/>, best first: never one in
    /// <paramref name="excluded"/> nor one <paramref name="skip"/> rejects.
    /// </summary>
    /// <param name="fallback">The state's content scorer.</param>
    /// <param name="user">User index (may be newer than the filter: then only <paramref name="fresh"/> counts).</param>
    /// <param name="fresh">Contents the user interacted with since the graph was built (repeats allowed).</param>
    /// <param name="excluded">Contents never to return (repeats allowed), or null.</param>
    /// <param name="limit">Items wanted.</param>
    /// <param name="skip">Contents outside the request's filter, or null.</param>
    /// <param name="scan">Rank by a pass over the whole catalogue instead of the touched list; null: whichever is
    /// cheaper (the pass, once the user's rows cover a quarter of the catalogue: listing what was touched then costs
    /// more than it saves).</param>
    public static ScoredIndex[] Top(GraphFilterPopularityScorer fallback, int user, IEnumerable<int> fresh,
        IEnumerable<int>? excluded, int limit, Func<int, bool>? skip, bool? scan = null)
    {
        var items = fallback.Items;
        var contents = fallback.Popularity.Length;
        // The thread's scratch: a call resets what it touched (the whole row after a scan).
        var scores = ThreadScratch.Sums(contents);
        var history = user < fallback.Filter.RowCount ? fallback.Filter.RowColumns(user) : [];
        var fromFresh = FreshOnly(history, fresh);
        var heap = new TopKHeap(limit);
        if (scan ?? 4L * (items.RowLengths(history) + items.RowLengths(fromFresh)) >= contents)
            TopByScan(fallback, history, fromFresh, excluded, skip, scores.AsSpan(0, contents), heap);
        else
            TopOfTouched(fallback, history, fromFresh, excluded, skip, scores, heap);
        return heap.DrainBestFirst();
    }

    private static void TopByScan(GraphFilterPopularityScorer fallback, ReadOnlySpan<int> history, ReadOnlySpan<int> fresh,
        IEnumerable<int>? excluded, Func<int, bool>? skip, Span<float> scores, TopKHeap heap)
    {
        try
        {
            fallback.Items.Add(history, scores);
            fallback.Items.Add(fresh, scores);
            var max = 0f;
            foreach (var x in scores) max = MathF.Max(max, x);
            var inverseMax = max > 0f ? 1f / max : 0f;
            if (excluded is not null)
            {
                foreach (var c in excluded)
                    if ((uint)c < (uint)scores.Length) scores[c] = TopK.Excluded;
            }
            RankAll(fallback, scores, inverseMax, skip, heap);
        }
        finally
        {
            scores.Clear();
        }
    }

    private static void TopOfTouched(GraphFilterPopularityScorer fallback, ReadOnlySpan<int> history, ReadOnlySpan<int> fresh,
        IEnumerable<int>? excluded, Func<int, bool>? skip, float[] scores, TopKHeap heap)
    {
        var contents = fallback.Popularity.Length;
        var touched = ThreadScratch.Touched(contents);
        var count = 0;
        try
        {
            fallback.Items.Accumulate(history, scores, touched, ref count);
            fallback.Items.Accumulate(fresh, scores, touched, ref count);
            var inverseMax = InverseMax(scores, touched.AsSpan(0, count));
            if (excluded is not null)
            {
                foreach (var c in excluded)
                {
                    if ((uint)c >= (uint)contents) continue;
                    if (scores[c] == 0f) touched[count++] = c;
                    scores[c] = TopK.Excluded;
                }
            }
            RankTouched(fallback, scores, touched.AsSpan(0, count), inverseMax, skip, heap);
        }
        finally
        {
            for (var k = 0; k < count; k++) scores[touched[k]] = 0f;
        }
    }

    // Every content, reached or not: the dense row's ranking.
    private static void RankAll(GraphFilterPopularityScorer fallback, ReadOnlySpan<float> scores, float inverseMax,
        Func<int, bool>? skip, TopKHeap heap)
    {
        var popularity = fallback.Popularity;
        var lambda = fallback.PopularityWeight;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] == TopK.Excluded || (skip is not null && skip(c))) continue;
            heap.Add(GraphFilterPopularityScorer.Blend(scores[c], inverseMax, popularity[c], lambda), c);
        }
    }

    // The reached contents, then unreached ones in popularity order until none can enter the heap any more.
    private static void RankTouched(GraphFilterPopularityScorer fallback, float[] scores, ReadOnlySpan<int> touched,
        float inverseMax, Func<int, bool>? skip, TopKHeap heap)
    {
        var popularity = fallback.Popularity;
        var lambda = fallback.PopularityWeight;
        foreach (var c in touched)
        {
            if (scores[c] == TopK.Excluded || (skip is not null && skip(c))) continue;
            heap.Add(GraphFilterPopularityScorer.Blend(scores[c], inverseMax, popularity[c], lambda), c);
        }
        foreach (var c in fallback.PopularOrder)
        {
            // An unreached item scores by popularity alone and the order is by popularity, then index: once one
            // cannot enter, no later one can.
            var score = GraphFilterPopularityScorer.Blend(0f, inverseMax, popularity[c], lambda);
            if (!heap.WouldAccept(score, c)) break;
            if (scores[c] != 0f || (skip is not null && skip(c))) continue;
            heap.Add(score, c);
        }
    }

    // Each fresh content once, and none the graph's history already holds.
    private static int[] FreshOnly(ReadOnlySpan<int> history, IEnumerable<int> fresh)
    {
        List<int>? added = null;
        foreach (var c in fresh)
        {
            if (history.BinarySearch(c) >= 0 || (added is not null && added.Contains(c))) continue;
            (added ??= []).Add(c);
        }
        return added is null ? [] : [.. added];
    }

    private static float InverseMax(float[] scores, ReadOnlySpan<int> touched)
    {
        var max = 0f;
        foreach (var c in touched) max = MathF.Max(max, scores[c]);
        return max > 0f ? 1f / max : 0f;
    }
}
