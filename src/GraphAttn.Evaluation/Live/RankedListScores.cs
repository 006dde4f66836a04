using GraphAttn.Graph;
using GraphAttn.Ranking;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Live;

/// <summary>
/// Turns ranked id lists from a live server into a <see cref="ScoreFunction"/>: the item at rank r (0-based) of an
/// n-long list scores n − r, every other candidate is excluded, so the full-ranking evaluator reproduces the
/// server's list exactly and never pads it with unranked items.
/// </summary>
public static class RankedListScores
{
    /// <summary>Content scores from <paramref name="live"/> for users and contents of <paramref name="graph"/>.</summary>
    public static ScoreFunction Content(ILiveRecommender live, SocialGraph graph, int k, TimeSpan timeout) =>
        From(graph.Users, graph.Contents, k, timeout, (id, n, ct) => live.RecommendContentAsync(id, n, ct));

    /// <summary>Friend scores from <paramref name="live"/>.</summary>
    public static ScoreFunction Friends(ILiveRecommender live, SocialGraph graph, int k, TimeSpan timeout) =>
        From(graph.Users, graph.Users, k, timeout, (id, n, ct) => live.RecommendFriendsAsync(id, n, ct));

    private static ScoreFunction From(
        IdMap users, IdMap candidates, int k, TimeSpan timeout,
        Func<string, int, CancellationToken, Task<IReadOnlyList<string>>> call) => (user, scores) =>
    {
        using var cts = new CancellationTokenSource(timeout);
        // The evaluator's scoring callback is synchronous and runs on pool threads; blocking here is bounded by the timeout.
        var ids = call(users[user], k, cts.Token).WaitAsync(timeout).GetAwaiter().GetResult();
        scores.Fill(TopK.Excluded);
        for (var r = 0; r < ids.Count; r++)
        {
            if (!candidates.TryGetIndex(ids[r], out var c))
                throw new InvalidDataException($"server recommended unknown id '{ids[r]}' to user '{users[user]}'");
            scores[c] = ids.Count - r;
        }
    };
}
