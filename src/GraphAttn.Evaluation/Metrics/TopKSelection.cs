namespace GraphAttn.Evaluation.Metrics;

/// <summary>
/// Top-K selection over a full score array by partial selection (a size-K min-heap): O(n log K) time, no sort of
/// the whole catalogue. Entries scored <see cref="float.NegativeInfinity"/> or NaN are never selected, which is how
/// callers exclude seen items, the user itself and existing friends.
/// </summary>
public static class TopKSelection
{
    /// <summary>Value that marks a candidate as excluded from ranking.</summary>
    public const float Excluded = float.NegativeInfinity;

    /// <summary>
    /// Writes the indices of the (up to) K best scores into <paramref name="result"/>, best first, and returns how
    /// many were written (fewer than K when fewer candidates remain). Ties go to the lower index so that rankings
    /// are reproducible.
    /// </summary>
    /// <param name="scores">One score per candidate; higher is better.</param>
    /// <param name="result">Receives indices; its length is K.</param>
    public static int Select(ReadOnlySpan<float> scores, Span<int> result)
    {
        var k = result.Length;
        if (k == 0)
        {
            return 0;
        }
        var size = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (!(s > Excluded))
            {
                continue;
            }
            if (size < k)
            {
                result[size] = i;
                SiftUp(scores, result, size++);
            }
            else if (Better(scores, i, result[0]))
            {
                result[0] = i;
                SiftDown(scores, result, 0, size);
            }
        }
        // Heap sort in place: repeatedly move the worst to the end, leaving best first.
        for (var end = size - 1; end > 0; end--)
        {
            (result[0], result[end]) = (result[end], result[0]);
            SiftDown(scores, result, 0, end);
        }
        return size;
    }

    /// <summary>True when candidate <paramref name="a"/> ranks above <paramref name="b"/>.</summary>
    private static bool Better(ReadOnlySpan<float> scores, int a, int b) =>
        scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    // The heap keeps the worst selected candidate at the root.
    private static void SiftUp(ReadOnlySpan<float> scores, Span<int> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(scores, heap[parent], heap[i]))
            {
                return;
            }
            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(ReadOnlySpan<float> scores, Span<int> heap, int i, int size)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < size && Better(scores, heap[worst], heap[left]))
            {
                worst = left;
            }
            if (right < size && Better(scores, heap[worst], heap[right]))
            {
                worst = right;
            }
            if (worst == i)
            {
                return;
            }
            (heap[worst], heap[i]) = (heap[i], heap[worst]);
            i = worst;
        }
    }
}
