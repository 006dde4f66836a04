using System.Buffers;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Ranks content for a user with the state's <see cref="IContentScorer"/>, applying the filters: seen items (graph
/// history plus live events) unless asked for, and the topic filter. The graph-filter fallback ranks sparsely from the
/// user's items (<see cref="FallbackContentTop"/>); any other scorer scores the whole catalogue, then bounded top-K.
/// </summary>
public static class ContentRecommender
{
    /// <summary>The best <see cref="ContentQuery.Limit"/> items for <paramref name="user"/>, best first.</summary>
    public static IReadOnlyList<Pick> Recommend(ServingState state, int user, ContentQuery query, UserOverlay overlay, CancellationToken ct)
    {
        var g = state.Graph;
        var excluded = query.IncludeSeen ? null : SeenBy(g, user, overlay);
        var top = state.ContentScorer is GraphFilterPopularityScorer fallback
            ? FallbackContentTop.Top(fallback, user, overlay.SeenContent, excluded, query.Limit, OutsideTopic(g, query))
            : TopOfAllScores(state, user, query, excluded, ct);

        var picks = new Pick[top.Length];
        float[]? interest = null;
        if (query.Explain)
        {
            interest = new float[g.TopicCount];
            TopicInterests.Of(g, user, interest);
        }
        for (var i = 0; i < top.Length; i++)
            picks[i] = new Pick(top[i].Index, top[i].Score, interest is null ? [] : ContentReasons.Explain(state, user, top[i].Index, interest));
        return picks;
    }

    /// <summary>Every item scored by the state's scorer, then top-k without the excluded items and outside the topic.</summary>
    internal static ScoredIndex[] TopOfAllScores(ServingState state, int user, ContentQuery query, IEnumerable<int>? excluded, CancellationToken ct)
    {
        var g = state.Graph;
        var scores = ArrayPool<float>.Shared.Rent(g.ContentCount);
        try
        {
            var span = scores.AsSpan(0, g.ContentCount);
            state.ContentScorer.ScoreContent(user, span);
            ct.ThrowIfCancellationRequested();
            // Excluded items are marked in the score row itself: no per-request set of them is built.
            if (excluded is not null)
            {
                foreach (var c in excluded) span[c] = TopK.Excluded;
            }

            return TopK.Select(span, query.Limit, OutsideTopic(g, query));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private static Func<int, bool>? OutsideTopic(SocialGraph g, ContentQuery query) =>
        query.Topic is int t ? c => !g.ContentTopics.Contains(c, t) : null;

    /// <summary>
    /// Content indices the user has interacted with, in the graph's history or live (read in place, not copied; an
    /// item may appear more than once).
    /// </summary>
    public static IEnumerable<int> SeenBy(SocialGraph g, int user, UserOverlay overlay)
    {
        var log = g.Interactions;
        for (var i = log.Offsets[user]; i < log.Offsets[user + 1]; i++) yield return log.Content[i];
        foreach (var c in overlay.SeenContent) yield return c;
    }
}
