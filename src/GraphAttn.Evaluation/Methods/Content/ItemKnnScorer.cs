using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>
/// Item-based k-nearest-neighbours with cosine similarity on binary interactions, as RecBole's ItemKNN:
/// <c>sim(i, j) = |U(i) ∩ U(j)| / (sqrt(|U(i)|·|U(j)|) + shrink)</c>; each item keeps its <c>k</c> most similar
/// items; <c>score(u, i) = Σ_{j ∈ history(u), j ∈ knn(i)} sim(i, j)</c>.
/// Fitting costs O(Σ_u |history(u)|²) and runs in parallel over items.
/// </summary>
public sealed class ItemKnnScorer : IContentScorer
{
    // For each history item j: the items i that count j among their neighbours, with sim(i, j).
    private readonly (int Item, float Sim)[][] _reverse;
    private readonly SparseBinaryMatrix _train;

    /// <summary>Fits the similarity lists.</summary>
    /// <param name="train">Users x items training matrix.</param>
    /// <param name="k">Neighbours kept per item; default 100 (RecBole's default).</param>
    /// <param name="shrink">Added to the cosine denominator; default 0 (RecBole's default).</param>
    public ItemKnnScorer(SparseBinaryMatrix train, int k = 100, float shrink = 0f)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _train = train;
        var byItem = train.Transpose();
        var items = train.ColumnCount;
        var neighbours = new (int Item, float Sim)[items][];
        Parallel.For(0, items, () => new int[items], (i, _, counts) =>
        {
            var touched = new List<int>();
            foreach (var u in byItem.Row(i))
                foreach (var j in train.Row(u))
                    if (j != i && counts[j]++ == 0) touched.Add(j);
            var ni = byItem.RowLength(i);
            var list = touched
                .Select(j => (Item: j, Sim: (float)(counts[j] / (Math.Sqrt((double)ni * byItem.RowLength(j)) + shrink))))
                .OrderByDescending(p => p.Sim).ThenBy(p => p.Item).Take(k).ToArray();
            foreach (var j in touched) counts[j] = 0;
            neighbours[i] = list;
            return counts;
        }, _ => { });
        var reverse = new List<(int, float)>[items];
        for (var i = 0; i < items; i++)
            foreach (var (j, s) in neighbours[i]) (reverse[j] ??= []).Add((i, s));
        _reverse = [.. reverse.Select(l => l?.ToArray() ?? [])];
    }

    /// <inheritdoc />
    public string Name => "ItemKNN";

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        scores.Clear();
        foreach (var j in _train.Row(user))
            foreach (var (i, s) in _reverse[j]) scores[i] += s;
    }
}
