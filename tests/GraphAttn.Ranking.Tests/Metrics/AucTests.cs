using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Ranking.Tests.Metrics;

public sealed class AucTests
{
    [Fact]
    public void Compute_PositivesAllAbove_IsOne()
    {
        Assert.Equal(1.0, Auc.Compute([3f, 4f], [1f, 2f]));
    }

    [Fact]
    public void Compute_PositivesAllBelow_IsZero()
    {
        Assert.Equal(0.0, Auc.Compute([0f], [1f, 2f]));
    }

    [Fact]
    public void Compute_HandWorkedWithTies_CountsHalf()
    {
        // Pairs: (2 vs 1) win, (2 vs 2) tie, (2 vs 3) loss, (3 vs 1) win, (3 vs 2) win, (3 vs 3) tie => 4/6.
        Assert.Equal(4.0 / 6.0, Auc.Compute([2f, 3f], [1f, 2f, 3f]), 1e-12);
    }

    [Fact]
    public void Compute_BruteForce_Agrees()
    {
        var rng = new Random(3);
        var pos = Enumerable.Range(0, 50).Select(_ => (float)rng.Next(20)).ToArray();
        var neg = Enumerable.Range(0, 70).Select(_ => (float)rng.Next(20)).ToArray();
        var brute = pos.Sum(p => neg.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0)) / (pos.Length * neg.Length);
        Assert.Equal(brute, Auc.Compute(pos, neg), 1e-12);
    }

    [Fact]
    public void Compute_EmptySide_Throws()
    {
        Assert.Throws<ArgumentException>(() => Auc.Compute([], [1f]));
    }
}
