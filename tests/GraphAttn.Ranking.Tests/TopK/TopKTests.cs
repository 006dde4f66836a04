namespace GraphAttn.Ranking.Tests;

public sealed class TopKTests
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
        var n = TopK.Select(scores, result);
        var expected = Enumerable.Range(0, scores.Length)
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(25).ToArray();
        Assert.Equal(25, n);
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Select_ExcludedAndNaN_AreNeverReturned()
    {
        float[] scores = [5f, TopK.Excluded, float.NaN, 1f, TopK.Excluded];
        var result = new int[4];
        var n = TopK.Select(scores, result);
        Assert.Equal(2, n);
        Assert.Equal([0, 3], result[..n]);
    }

    [Fact]
    public void Select_ZeroK_ReturnsNothing()
    {
        Assert.Equal(0, TopK.Select([1f, 2f], Span<int>.Empty));
    }

    [Fact]
    public void TopK_SkipsExcludedAndBreaksTiesByIndex()
    {
        float[] scores = [0.5f, 0.9f, 0.9f, float.NaN, 0.1f, 0.7f];
        var top = TopK.Select(scores, 3, i => i == 5);
        Assert.Equal([1, 2, 0], top.Select(s => s.Index));
        Assert.Equal(0.9f, top[0].Score);
    }
}
