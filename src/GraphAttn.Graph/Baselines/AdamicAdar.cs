namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Adamic-Adar over an undirected friend graph, <c>AA(u, v) = Σ_{w ∈ N(u) ∩ N(v)} 1 / ln(|N(w)|)</c>: shared friends
/// count, and shared friends with few ties count more. The friend baseline ranks by it alone; the model adds it to its
/// embedding score as a learned structural term, so both must compute exactly the same value.
/// </summary>
public static class AdamicAdar
{
    /// <summary>Weight a shared friend of degree <paramref name="degree"/> adds; 0 below degree 2 (ln 1 = 0, and such a
    /// node links its one friend to nobody).</summary>
    public static float Contribution(int degree) => degree < 2 ? 0f : 1f / MathF.Log(degree);

    // Below this length ratio a linear merge of the two lists is as fast as binary searches.
    private const int MergeRatio = 16;

    /// <summary>
    /// AA(u, v) for one pair: a merge of the two sorted neighbour lists, O(deg u + deg v), or, when one side is a hub,
    /// a walk of the shorter list with binary searches in the longer, O(min · log max), so that rescoring thousands
    /// of candidates for a user with 100,000 ties stays cheap. Shared friends are added in ascending order either way,
    /// so both paths give the same float.
    /// </summary>
    public static float Pair(Csr friends, int u, int v)
    {
        var (shorter, longer) = friends.Degree(u) <= friends.Degree(v) ? (u, v) : (v, u);
        ReadOnlySpan<int> a = friends.Neighbors(shorter), b = friends.Neighbors(longer);
        var sum = 0f;
        if (b.Length / MergeRatio > a.Length)
        {
            foreach (var w in a)
            {
                var at = b.BinarySearch(w);
                if (at >= 0) sum += Contribution(friends.Degree(w));
                b = b[(at >= 0 ? at + 1 : ~at)..];
            }
            return sum;
        }
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else
            {
                sum += Contribution(friends.Degree(a[i]));
                i++;
                j++;
            }
        }
        return sum;
    }

    /// <summary>Writes AA(<paramref name="user"/>, v) for every v into <paramref name="scores"/> (length = node count),
    /// walking two hops from the user; users not reachable in two hops get 0. Shared friends are added in ascending
    /// order, as in <see cref="Pair"/>, so both give the same float.</summary>
    public static void Row(Csr friends, int user, Span<float> scores)
    {
        if (scores.Length != friends.NodeCount)
            throw new ArgumentException($"scores has length {scores.Length}, expected {friends.NodeCount}", nameof(scores));
        scores.Clear();
        foreach (var w in friends.Neighbors(user))
        {
            var contribution = Contribution(friends.Degree(w));
            if (contribution == 0f) continue;
            foreach (var v in friends.Neighbors(w)) scores[v] += contribution;
        }
    }
}
