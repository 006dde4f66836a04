namespace GraphAttn.Graph;

/// <summary>
/// Scores every user as a follow candidate for a user (full ranking). Higher is better; callers exclude the user
/// and existing follows themselves.
/// </summary>
public interface IFriendScorer
{
    /// <summary>Short method name for reports and responses, e.g. "adamic-adar".</summary>
    string Name { get; }

    /// <summary>Writes one score per user index into <paramref name="scores"/> (length = user count).</summary>
    void ScoreUsers(int user, Span<float> scores);
}
