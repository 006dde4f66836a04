using GraphAttn.Seeds.Randomness;

namespace GraphAttn.Seeds.Tests.Randomness;

public sealed class AliasTableTests
{
    [Fact]
    public void Sample_SkewedWeights_FrequenciesMatchWeights()
    {
        double[] weights = [5, 0, 1, 3, 1];
        var table = new AliasTable(weights);
        var random = new SeedRandom(9);
        var counts = new int[weights.Length];
        const int draws = 100_000;
        for (var i = 0; i < draws; i++) counts[table.Sample(random)]++;

        Assert.Equal(0, counts[1]);
        for (var i = 0; i < weights.Length; i++)
            Assert.InRange(counts[i] / (double)draws, weights[i] / 10 - 0.01, weights[i] / 10 + 0.01);
    }

    [Fact]
    public void Sample_SingleOutcome_AlwaysZero()
    {
        var table = new AliasTable([2.5]);
        var random = new SeedRandom(1);
        for (var i = 0; i < 100; i++) Assert.Equal(0, table.Sample(random));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1 })]
    [InlineData(new double[] { 1, double.NaN })]
    [InlineData(new double[] { 1, double.PositiveInfinity })]
    public void Constructor_InvalidWeights_Throws(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => new AliasTable(weights));
    }
}
