using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Benchmarks.Research;

/// <summary>Scorers shown under their spec text, so variants of one method stay apart in the report.</summary>
internal sealed class NamedContent(string name, IContentScorer inner) : IContentScorer
{
    public string Name => name;

    public void ScoreContent(int user, Span<float> scores) => inner.ScoreContent(user, scores);
}

/// <inheritdoc cref="NamedContent"/>
internal sealed class NamedFriends(string name, IFriendScorer inner) : IFriendScorer
{
    public string Name => name;

    public void ScoreUsers(int user, Span<float> scores) => inner.ScoreUsers(user, scores);
}
