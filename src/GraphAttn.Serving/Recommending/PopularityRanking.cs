using System.Buffers;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Top-k of the content baseline without scoring the catalogue. score(c) = pop(c) · affinity(c) with
/// ε ≤ affinity(c) ≤ ε + the sum of the user's m largest topic interests (m = most topics on one item), so walking
/// the items in order of decreasing popularity, once k are kept, no later item can beat the k-th best once
/// pop · that bound falls below it: the walk stops there. Every item that could tie or win is scored with
/// <see cref="RecencyPopularityScorer.Score"/> and offered to the same <see cref="TopKHeap"/>, so the answer is exactly
/// the full ranking's. The orders are computed once per graph (O(C log C), 4 bytes per item and per tag).
/// </summary>
public sealed class PopularityRanking
{
    // Float rounding of an affinity sum (a few additions) stays far inside this margin on the bound.
    private const double BoundSlack = 1e-4;
    // Past this many topics on one item the bound is simply ε + every interest (they sum to 1).
    private const int MaxPartialTopics = 32;
    private readonly SocialGraph _graph;
    private readonly RecencyPopularityScorer _scorer;
    private readonly int[] _byPopularity;
    private readonly int[] _topicOffsets;
    private readonly int[] _topicByPopularity;
    private readonly int _mostTopics;

    /// <summary>Orders <paramref name="graph"/>'s contents by <paramref name="scorer"/>'s popularity, overall and per topic.</summary>
    public PopularityRanking(SocialGraph graph, RecencyPopularityScorer scorer)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        float[] popularity = scorer.PopularityByContent.ToArray();
        var order = new PopularityOrder(popularity);
        _byPopularity = [.. Enumerable.Range(0, graph.ContentCount)];
        Array.Sort(_byPopularity, order);
        _topicOffsets = graph.TopicContents.Offsets;
        _topicByPopularity = (int[])graph.TopicContents.Targets.Clone();
        for (int t = 0; t < graph.TopicCount; t++)
        {
            Array.Sort(_topicByPopularity, _topicOffsets[t], _topicOffsets[t + 1] - _topicOffsets[t], order);
        }

        for (int c = 0; c < graph.ContentCount; c++)
        {
            _mostTopics = Math.Max(_mostTopics, graph.ContentTopics.Degree(c));
        }
    }

    /// <summary>
    /// The best <paramref name="k"/> contents for <paramref name="user"/>, best first, ties to the lower index, never one
    /// <paramref name="skip"/> rejects; only contents tagged <paramref name="topic"/> when it is given. The same list
    /// (indices and scores) as <see cref="TopK.Select(ReadOnlySpan{float}, int, Func{int, bool}?)"/> over
    /// <see cref="RecencyPopularityScorer.ScoreContent"/>.
    /// </summary>
    public ScoredIndex[] Top(int user, int k, Func<int, bool>? skip, int? topic = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        int topics = _graph.TopicCount;
        float[]? rented = topics > 256 ? ArrayPool<float>.Shared.Rent(topics) : null;
        Span<float> interest = rented is null ? stackalloc float[topics] : rented.AsSpan(0, topics);
        try
        {
            TopicInterests.Of(_graph, user, interest);
            double bound = AffinityBound(interest);
            ReadOnlySpan<int> order = topic is int t
                ? _topicByPopularity.AsSpan(_topicOffsets[t], _topicOffsets[t + 1] - _topicOffsets[t])
                : _byPopularity;
            ReadOnlySpan<float> popularity = _scorer.PopularityByContent;
            var heap = new TopKHeap(k);
            foreach (int c in order)
            {
                if (heap.IsFull && popularity[c] * bound < heap.Threshold)
                {
                    break;
                }

                if (skip is null || !skip(c))
                {
                    heap.Add(_scorer.Score(c, interest), c);
                }
            }

            return heap.DrainBestFirst();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    // ε plus the m largest interests, m = most topics on one item: no item's affinity exceeds it.
    private double AffinityBound(ReadOnlySpan<float> interest)
    {
        double sum = RecencyPopularityScorer.Epsilon;
        if (_mostTopics >= interest.Length || _mostTopics > MaxPartialTopics)
        {
            foreach (float x in interest)
            {
                sum += x;
            }
        }
        else
        {
            Span<float> largest = stackalloc float[_mostTopics];
            largest.Clear();
            foreach (float x in interest)
            {
                // Insertion into a descending list of the m largest (m is a handful of topics).
                for (int i = 0; i < largest.Length; i++)
                {
                    if (x > largest[i])
                    {
                        largest[i..^1].CopyTo(largest[(i + 1)..]);
                        largest[i] = x;
                        break;
                    }
                }
            }

            foreach (float x in largest)
            {
                sum += x;
            }
        }

        return sum * (1 + BoundSlack);
    }

    // Popularity descending, then index ascending: the walk order.
    private sealed class PopularityOrder(float[] popularity) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int byPopularity = popularity[b].CompareTo(popularity[a]);
            return byPopularity != 0 ? byPopularity : a.CompareTo(b);
        }
    }
}
