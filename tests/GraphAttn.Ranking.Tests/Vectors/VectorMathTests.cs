namespace GraphAttn.Ranking.Tests.Vectors;

public sealed class VectorMathTests
{
    [Fact]
    public void Dot_EveryLengthUpTo70_MatchesScalarLoop()
    {
        var random = new Random(5);
        for (int length = 0; length <= 70; length++)
        {
            float[] a = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            float[] b = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            double expected = a.Zip(b, (x, y) => (double)x * y).Sum();

            Assert.Equal(expected, VectorMath.Dot(a, b), 4);
        }
    }

    [Fact]
    public void Dot_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Dot(new float[3], new float[4]));
    }
}
