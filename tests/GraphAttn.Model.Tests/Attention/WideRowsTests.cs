using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class WideRowsTests
{
    [Fact]
    public void FourHeadSums_RandomRegisters_EqualsEachRegistersOwnSum()
    {
        // Without AVX-512 the fast path never runs; the kernels then take the general path (covered elsewhere).
        if (!Avx512F.IsSupported)
        {
            Assert.False(WideRows.Applies(4, 16));
            return;
        }
        var random = new Random(11);
        for (var trial = 0; trial < 100; trial++)
        {
            // Each register gets its own scale, so a sum landing in another head's slot cannot pass by accident.
            var rows = Enumerable.Range(0, 4)
                .Select(k => Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() - 0.3) * (k + 1) * 10f).ToArray())
                .ToArray();
            var sums = WideRows.FourHeadSums(Vector512.Create(rows[0]), Vector512.Create(rows[1]),
                Vector512.Create(rows[2]), Vector512.Create(rows[3]));
            for (var k = 0; k < 4; k++)
                Assert.Equal(rows[k].Sum(x => (double)x), sums.GetElement(k), tolerance: 1e-3);
        }
    }
}
