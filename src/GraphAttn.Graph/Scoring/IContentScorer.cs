namespace GraphAttn.Graph;

/// <summary>
/// Scores every content item for a user (full ranking). Shared by the baselines, the model and evaluation, so any
/// method can be served, compared and gated the same way. Higher is better; callers exclude seen items themselves.
/// </summary>
public interface IContentScorer
{
    /// <summary>Short method name for reports and responses, e.g. "recency-popularity".</summary>
    string Name { get; }

    /// <summary>Writes one score per content index into <paramref name="scores"/> (length = content count).</summary>
    void ScoreContent(int user, Span<float> scores);
}
