using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class WideRowsTests
{
    [SkippableFact]
    public void FourHeadSums256_RandomRegisters_EqualsEachRegistersOwnSum()
    {
        Skip.IfNot(Avx2.IsSupported && Fma.IsSupported, "the AVX2 kernel path needs AVX2 and FMA, which this CPU lacks");
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
    public void Resolve_Auto_PicksAvx2OnlyForTheModelLayoutOnAnAvx2Machine(int heads, int channels, bool avx2Layout)
    {
        // Runs everywhere: without AVX2 the AVX2 path must be neither chosen nor accepted.
        var avx2 = avx2Layout && Avx2.IsSupported && Fma.IsSupported;
        Assert.Equal(avx2 ? KernelPath.Wide256 : KernelPath.General, KernelPaths.Resolve(KernelPath.Auto, heads, channels));
        Assert.Equal(KernelPath.General, KernelPaths.Resolve(KernelPath.General, heads, channels));
        if (avx2) Assert.Equal(KernelPath.Wide256, KernelPaths.Resolve(KernelPath.Wide256, heads, channels));
        else Assert.Throws<ArgumentException>(() => KernelPaths.Resolve(KernelPath.Wide256, heads, channels));
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
