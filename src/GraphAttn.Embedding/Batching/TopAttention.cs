namespace GraphAttn.Embedding.Batching;

/// <summary>Keeps the strongest k (target, weight) entries: weight descending, ties to the lower target.</summary>
internal static class TopAttention
{
    /// <summary>The top <paramref name="k"/> of <paramref name="entries"/>, strongest first.</summary>
    public static List<(int Target, float Weight)> Select(IEnumerable<(int Target, float Weight)> entries, int k) =>
        [.. entries.OrderByDescending(e => e.Weight).ThenBy(e => e.Target).Take(k)];

    /// <summary>
    /// History pooling weights of one user (row of [L + 1], column 0 = summary token) merged per content (a content seen
    /// twice adds its slots' weights, as the explainer does), top <paramref name="k"/>.
    /// </summary>
    public static List<(int Target, float Weight)> History(ReadOnlySpan<float> weights, ReadOnlySpan<long> items,
        ReadOnlySpan<bool> padding, int k)
    {
        var byContent = new Dictionary<int, float>();
        for (var p = 0; p < items.Length; p++)
        {
            if (padding[p]) continue;
            var content = (int)items[p];
            byContent[content] = byContent.GetValueOrDefault(content) + weights[p + 1];
        }
        return Select(byContent.Select(kv => (kv.Key, kv.Value)), k);
    }
}
