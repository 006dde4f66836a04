using System.Buffers;
using GraphAttn.Graph.Baselines;

namespace GraphAttn.Model.Scoring;

/// <summary>
/// The content score's training-free term: score(u, c) = user_u · content_c + γ · s_GF(u, c), with s_GF the graph
/// filter (<see cref="GraphFilter"/>, GF-CF's r_u R̃ᵀR̃) over the user × content matrix of the graph the vectors were
/// embedded from, and γ fitted on held-out interactions (<see cref="Training.ContentFilterFit"/>). The filter is exact
/// co-occurrence evidence that 64 floats per node can only approximate, most of all for the long tail, so a little of it
/// on top of the vectors ranks better than either alone. Thread-safe.
/// </summary>
/// <param name="Filter">The filter over the graph that is scored.</param>
/// <param name="Weight">γ &gt; 0.</param>
public sealed record ContentFilterTerm(GraphFilter Filter, float Weight)
{
    /// <summary>Adds γ · s_GF(<paramref name="user"/>, c) to every <paramref name="scores"/>[c].</summary>
    public void AddTo(int user, Span<float> scores)
    {
        var filtered = ArrayPool<float>.Shared.Rent(scores.Length);
        try
        {
            var row = filtered.AsSpan(0, scores.Length);
            Filter.Score(user, row);
            for (var c = 0; c < scores.Length; c++) scores[c] += Weight * row[c];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(filtered);
        }
    }
}
