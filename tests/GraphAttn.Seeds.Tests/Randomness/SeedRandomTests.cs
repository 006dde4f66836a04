using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Tests.Randomness;

public sealed class SeedRandomTests
{
    [Fact]
    public void NextUInt64_SameSeedAndStream_SameSequence()
    {
        var a = new SeedRandom(42, stream: 3);
        var b = new SeedRandom(42, stream: 3);
        for (var i = 0; i < 1_000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Theory]
    [InlineData(42, 0, 43, 0)]
    [InlineData(42, 1, 42, 2)]
    public void NextUInt64_OtherSeedOrStream_DifferentSequence(long seedA, ulong streamA, long seedB, ulong streamB)
    {
        var a = new SeedRandom(seedA, streamA);
        var b = new SeedRandom(seedB, streamB);
        var same = Enumerable.Range(0, 100).Count(_ => a.NextUInt64() == b.NextUInt64());
        Assert.Equal(0, same);
    }

    [Fact]
    public void NextInt_ManyDraws_StayInRangeAndCoverIt()
    {
        var random = new SeedRandom(1);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++) counts[random.NextInt(7)]++;
        // Each bucket expects 10,000; 5 standard deviations is about 470.
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextLong_LargeBound_StaysInRange()
    {
        var random = new SeedRandom(2);
        const long bound = 15_552_000_000L; // 180 days in ms
        for (var i = 0; i < 10_000; i++) Assert.InRange(random.NextLong(bound), 0, bound - 1);
    }

    [Fact]
    public void NextLogNormal_ManyDraws_MeanNearOne()
    {
        var random = new SeedRandom(3);
        var mean = Enumerable.Range(0, 200_000).Average(_ => random.NextLogNormal(0.7));
        Assert.InRange(mean, 0.98, 1.02);
    }

    [Fact]
    public void NextPareto_ManyDraws_AtLeastOneAndCapped()
    {
        var random = new SeedRandom(4);
        var draws = Enumerable.Range(0, 50_000).Select(_ => random.NextPareto(1.3, 100)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 1.0, 100.0));
        Assert.Contains(draws, d => d > 20); // heavy tail: P(X > 20) is about 2%
    }
}
