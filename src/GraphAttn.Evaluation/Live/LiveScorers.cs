using GraphAttn.Graph;
using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Live;

/// <summary>Content "method" backed by a live server's top-K answers (see <see cref="RankedListScores"/>).</summary>
public sealed class LiveContentScorer(ILiveRecommender live, SocialGraph graph, int k, TimeSpan timeout) : IContentScorer
{
    private readonly ScoreFunction _score = RankedListScores.Content(live, graph, k, timeout);

    /// <inheritdoc />
    public string Name => "live";

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores) => _score(user, scores);
}

/// <summary>Friend "method" backed by a live server's top-K answers.</summary>
public sealed class LiveFriendScorer(ILiveRecommender live, SocialGraph graph, int k, TimeSpan timeout) : IFriendScorer
{
    private readonly ScoreFunction _score = RankedListScores.Friends(live, graph, k, timeout);

    /// <inheritdoc />
    public string Name => "live";

    /// <inheritdoc />
    public void ScoreUsers(int user, Span<float> scores) => _score(user, scores);
}
