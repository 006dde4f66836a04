using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class WideRowsTests
{
    [Fact]
    public void FourHeadSums256_RandomRegisters_EqualsEachRegistersOwnSum()
    {
        if (!Avx2.IsSupported)
        {
            Assert.Equal(KernelPath.General, KernelPaths.Resolve(KernelPath.Auto, 4, 16));
            Assert.Throws<ArgumentException>(() => KernelPaths.Resolve(KernelPath.Wide256, 4, 16));
            return;
        }
        foreach (var rows in RandomHeadRows(seed: 12, floatsPerHead: 8))
        {
            var sums = WideRows256.FourHeadSums(Vector256.Create(rows[0]), Vector256.Create(rows[1]),
                Vector256.Create(rows[2]), Vector256.Create(rows[3]));
            for (var k = 0; k < 4; k++) Assert.Equal(rows[k].Sum(x => (double)x), sums.GetElement(k), tolerance: 1e-3);
        }
    }

    [Theory]
    [InlineData(4, 16, true)]
    [InlineData(8, 8, false)] // the 256-bit path takes only the model's 4 x 16
    [InlineData(3, 5, false)]
    public void Resolve_Auto_PicksTheFastestPathTheMachineAndLayoutAllow(int heads, int channels, bool avx2Layout)
    {
        var expected = avx2Layout && Avx2.IsSupported && Fma.IsSupported ? KernelPath.Wide256 : KernelPath.General;
        Assert.Equal(expected, KernelPaths.Resolve(KernelPath.Auto, heads, channels));
        Assert.Equal(KernelPath.General, KernelPaths.Resolve(KernelPath.General, heads, channels));
        if (!avx2Layout) Assert.Throws<ArgumentException>(() => KernelPaths.Resolve(KernelPath.Wide256, heads, channels));
    }

    /// <summary>Four rows per trial, each with its own scale, so a sum landing in another head's slot cannot pass by
    /// accident.</summary>
    private static IEnumerable<float[][]> RandomHeadRows(int seed, int floatsPerHead)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 100; trial++)
            yield return Enumerable.Range(0, 4)
                .Select(k => Enumerable.Range(0, floatsPerHead).Select(_ => (float)(random.NextDouble() - 0.3) * (k + 1) * 10f).ToArray())
                .ToArray();
    }
}
