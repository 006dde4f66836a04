using System.Buffers;
using GraphAttn.Graph;
using GraphAttn.Graph.Baselines;
using GraphAttn.Ranking;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Ranks content for a user with the state's <see cref="IContentScorer"/> (full scoring, then bounded top-K), applying
/// the filters: seen items (graph history plus live events) unless asked for, and the topic filter.
/// </summary>
public static class ContentRecommender
{
    /// <summary>The best <see cref="ContentQuery.Limit"/> items for <paramref name="user"/>, best first.</summary>
    public static IReadOnlyList<Pick> Recommend(ServingState state, int user, ContentQuery query, UserOverlay overlay, CancellationToken ct)
    {
        var g = state.Graph;
        var excluded = query.IncludeSeen ? null : SeenBy(g, user, overlay);
        var scores = ArrayPool<float>.Shared.Rent(g.ContentCount);
        try
        {
            var span = scores.AsSpan(0, g.ContentCount);
            state.ContentScorer.ScoreContent(user, span);
            ct.ThrowIfCancellationRequested();
            var topic = query.Topic;
            var top = TopK.Select(span, query.Limit, c =>
                (excluded is not null && excluded.Contains(c)) || (topic is int t && !g.ContentTopics.Contains(c, t)));
            if (!query.Explain) return top.Select(s => new Pick(s.Index, s.Score, [])).ToList();
            var interest = new float[g.TopicCount];
            TopicInterests.Of(g, user, interest);
            return top.Select(s => new Pick(s.Index, s.Score, ContentReasons.Explain(state, user, s.Index, interest))).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Content indices the user has interacted with, in the graph or live.</summary>
    public static HashSet<int> SeenBy(SocialGraph g, int user, UserOverlay overlay)
    {
        var seen = new HashSet<int>(g.Interactions.ContentOf(user).ToArray());
        foreach (var id in overlay.Seen)
            if (g.Contents.TryGetIndex(id, out var c)) seen.Add(c);
        return seen;
    }
}
