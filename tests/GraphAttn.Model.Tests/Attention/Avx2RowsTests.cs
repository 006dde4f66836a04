using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class Avx2RowsTests
{
    [SkippableFact]
    public void FourHeadSums_RandomRegisters_EqualsEachRegistersOwnSum()
    {
        Skip.IfNot(Avx2.IsSupported && Fma.IsSupported, "the AVX2 kernel path needs AVX2 and FMA, which this CPU lacks");
        foreach (var rows in RandomHeadRows(seed: 12, floatsPerHead: 8))
        {
            var sums = Avx2Rows.FourHeadSums(Vector256.Create(rows[0]), Vector256.Create(rows[1]),
                Vector256.Create(rows[2]), Vector256.Create(rows[3]));
            for (var k = 0; k < 4; k++) Assert.Equal(rows[k].Sum(x => (double)x), sums.GetElement(k), tolerance: 1e-3);
        }
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
