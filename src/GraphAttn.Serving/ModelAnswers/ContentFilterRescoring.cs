using System.Buffers;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.ModelAnswers;

/// <summary>
/// The model's content score with its graph-filter term, score(u, c) = vector · content_c + γ · GF(u, c), ranked
/// without scoring the whole catalogue: the retriever's top-k by the dot product, together with every item the
/// filter reaches from the user's history whose filter score can close the gap to the k-th best, each scored exactly.
/// An item in neither set has GF = 0 or too small a GF and a dot product no higher than the k-th retrieved one's, so
/// it cannot enter the top k: with the exact index the answer is the full ranking's (with HNSW, as close as its recall). γ and the formula are the ones the model was evaluated with (the snapshot carries γ from the checkpoint).
/// </summary>
public static class ContentFilterRescoring
{
    /// <summary>The best <paramref name="k"/> items, best first, with their combined scores.</summary>
    /// <param name="view">The request's model view (retriever, snapshot, alignment).</param>
    /// <param name="filter">The graph filter over the served graph's interactions (rows: its users at build time).</param>
    /// <param name="weight">γ &gt; 0.</param>
    /// <param name="vector">The user's vector.</param>
    /// <param name="user">Graph user index (beyond the filter's rows: no history in it, retrieval alone).</param>
    /// <param name="k">How many.</param>
    /// <param name="excluded">Items never returned (seen); null for none.</param>
    /// <param name="topic">Only items of this topic; null for any.</param>
    public static IReadOnlyList<ScoredIndex> Top(ModelView view, GraphFilter filter, float weight, ReadOnlySpan<float> vector, int user,
        int k, IEnumerable<int>? excluded, int? topic)
    {
        var excludedSet = excluded as IReadOnlySet<int> ?? (excluded is null ? null : new HashSet<int>(excluded));
        var retrieved = view.Retriever.TopContentFor(vector, k, excludedSet, topic);
        if (user >= filter.RowCount) return retrieved;

        var graph = view.Graph;
        var gf = ArrayPool<float>.Shared.Rent(filter.ColumnCount);
        try
        {
            var scores = gf.AsSpan(0, filter.ColumnCount);
            filter.Score(user, scores);
            var heap = new TopKHeap(k);
            var seen = new HashSet<int>();
            foreach (var r in retrieved)
            {
                seen.Add(r.Index);
                heap.Add(r.Score + (weight * (r.Index < scores.Length ? scores[r.Index] : 0f)), r.Index);
            }

            var contents = view.Snapshot.Embeddings.ContentVectors;
            var rows = view.Alignment.ContentRow;
            // An eligible item the retriever did not return has a dot product no higher than its k-th one's, so only
            // a filter score large enough to close the gap to the k-th best combined score can lift it in: the dot
            // product of the others is never computed.
            var lastDot = retrieved.Count < k ? float.PositiveInfinity : retrieved[^1].Score;
            for (var c = 0; c < scores.Length; c++)
            {
                if (!(scores[c] > 0f) || seen.Contains(c) || rows[c] < 0) continue;
                if (heap.IsFull && lastDot + (weight * scores[c]) < heap.Threshold) continue;
                if (excludedSet is not null && excludedSet.Contains(c)) continue;
                if (topic is int t && !graph.ContentTopics.Contains(c, t)) continue;
                heap.Add(VectorMath.Dot(vector, contents.Row(rows[c])) + (weight * scores[c]), c);
            }

            return heap.DrainBestFirst();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(gf);
        }
    }
}
