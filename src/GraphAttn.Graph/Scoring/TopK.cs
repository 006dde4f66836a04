namespace GraphAttn.Graph;

/// <summary>A ranked candidate: dense index and score.</summary>
public readonly record struct Scored(int Index, float Score);

/// <summary>Top-K selection over a dense score array with a bounded min-heap: O(n log k), no full sort.</summary>
public static class TopK
{
    /// <summary>
    /// The <paramref name="k"/> highest finite scores, best first; ties go to the lower index so results are stable.
    /// Indices for which <paramref name="skip"/> returns true are never returned.
    /// </summary>
    public static Scored[] Select(ReadOnlySpan<float> scores, int k, Func<int, bool>? skip = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0) return [];
        var heap = new PriorityQueue<int, (float Score, int NegIndex)>(k + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s) || float.IsNegativeInfinity(s) || (skip is not null && skip(i))) continue;
            if (heap.Count < k) heap.Enqueue(i, (s, -i));
            else if (heap.TryPeek(out _, out var worst) && (s > worst.Score || (s == worst.Score && -i > worst.NegIndex)))
                heap.EnqueueDequeue(i, (s, -i));
        }
        var result = new Scored[heap.Count];
        for (var r = result.Length - 1; r >= 0; r--)
        {
            heap.TryDequeue(out var index, out var p);
            result[r] = new Scored(index, p.Score);
        }
        return result;
    }
}
