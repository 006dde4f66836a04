using GraphAttn.Evaluation.Metrics;

namespace GraphAttn.Evaluation.Tests.Metrics;

public sealed class TopKSelectionTests
{
    [Fact]
    public void Select_RandomScores_EqualsFullSortPrefix()
    {
        var rng = new Random(7);
        var scores = new float[1000];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = rng.Next(200); // many ties on purpose
        }
        var result = new int[25];
        var n = TopKSelection.Select(scores, result);
        var expected = Enumerable.Range(0, scores.Length)
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(25).ToArray();
        Assert.Equal(25, n);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Select_ExcludedAndNaN_AreNeverReturned()
    {
        float[] scores = [5f, TopKSelection.Excluded, float.NaN, 1f, TopKSelection.Excluded];
        var result = new int[4];
        var n = TopKSelection.Select(scores, result);
        Assert.Equal(2, n);
        Assert.Equal([0, 3], result[..n]);
    }

    [Fact]
    public void Select_ZeroK_ReturnsNothing()
    {
        Assert.Equal(0, TopKSelection.Select([1f, 2f], Span<int>.Empty));
    }
}
