using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>
/// Most-popular baseline (RecBole's Pop): every user gets the same ranking, by the number of distinct training
/// users who interacted with each item.
/// </summary>
public sealed class PopularityScorer(SparseBinaryMatrix train) : IContentScorer
{
    private readonly int[] _popularity = train.ColumnCounts();

    /// <inheritdoc />
    public string Name => "Pop";

    /// <inheritdoc />
    public void ScoreContent(int user, Span<float> scores)
    {
        for (var i = 0; i < scores.Length; i++) scores[i] = _popularity[i];
    }
}
