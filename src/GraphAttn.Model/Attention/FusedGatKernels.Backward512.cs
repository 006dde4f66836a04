using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// <see cref="BackwardSources"/> for 64-float rows on AVX-512 (<see cref="KernelPath.Wide512"/>): the source's
    /// feature row and its gradient stay in registers while its out-edges are walked, and each gathered gradOut row is
    /// loaded once for both the dot products and the gradient sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void BackwardSources512(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* gradOut, float* lines, float* gradH, float* gradASrc, float* dLogit, float dropout, ulong seed,
        int first, int end)
    {
        const int width = WideRows.Width;
        var stride = TargetLineFloats(heads);
        var dots = stackalloc float[WideRows.Padding];
        // 4 heads x 16 channels, the model's layout: the per-head scalars fit one 128-bit register.
        var fourHeads = heads == 4;
        Vector512<int> i0 = WideRows.HeadIndex(0, channels), i1 = WideRows.HeadIndex(1, channels),
            i2 = WideRows.HeadIndex(2, channels), i3 = WideRows.HeadIndex(3, channels);
        var offsets = edges.SourceOffsets;
        var last = offsets[end];
        var size = MaxDegree(offsets, first, end) * heads + WideRows.Padding;
        var buffer = ArrayPool<float>.Shared.Rent(3 * size); // alpha, keep, kept (see KeepFactors)
        fixed (int* targets = edges.SourceTargets, ids = edges.SourceEdgeIds)
        fixed (float* alpha = buffer)
            for (long s = first; s < end; s++)
            {
                var src = aSrc + s * heads;
                var gs = gradASrc + s * heads;
                for (var k = 0; k < heads; k++) gs[k] = 0f;
                int j0 = offsets[s], j1 = offsets[s + 1];
                SourceAlphas(targets, j0, j1, last, heads, width, src, gradOut, lines, alpha);
                var keep = alpha + size;
                var kept = KeepFactors(alpha, keep, keep + size, ids, j0, j1, heads, dropout, seed);
                var hs = h + s * width;
                var srcLogits = fourHeads ? Vector128.Load(src) : default;
                var gsum = Vector128<float>.Zero;
                Vector512<float> h0 = Vector512.Load(hs), h1 = Vector512.Load(hs + 16), h2 = Vector512.Load(hs + 32),
                    h3 = Vector512.Load(hs + 48);
                Vector512<float> g0 = default, g1 = default, g2 = default, g3 = default;
                for (var j = j0; j < j1; j++)
                {
                    var t = targets[j];
                    var line = lines + (long)t * stride;
                    var gRow = gradOut + (long)t * width;
                    Vector512<float> q0 = Vector512.Load(gRow), q1 = Vector512.Load(gRow + 16),
                        q2 = Vector512.Load(gRow + 32), q3 = Vector512.Load(gRow + 48);
                    var i = (j - j0) * heads;
                    if (fourHeads)
                    {
                        // The model's layout: the four head sums and the four head gradients in one register each.
                        var d = FourLogitGradients(WideRows.FourHeadSums(q0 * h0, q1 * h1, q2 * h2, q3 * h3),
                            alpha + i, keep + i, dropout > 0f, srcLogits, line);
                        gsum += d;
                        Vector128.Store(d, dLogit + (long)j * 4);
                    }
                    else
                    {
                        WideRows.HeadSums(q0 * h0, q1 * h1, q2 * h2, q3 * h3, heads, channels, dots);
                        LogitGradients(dots, alpha + i, keep + i, dropout > 0f, src, line, heads, gs, dLogit + (long)j * heads);
                    }
                    var w = Vector512.Load(kept + i);
                    g0 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i0), q0, g0);
                    g1 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i1), q1, g1);
                    g2 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i2), q2, g2);
                    g3 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i3), q3, g3);
                }
                if (fourHeads) Vector128.Store(gsum, gs);
                var row = gradH + s * width;
                Vector512.Store(g0, row);
                Vector512.Store(g1, row + 16);
                Vector512.Store(g2, row + 32);
                Vector512.Store(g3, row + 48);
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>gradOut_t . out_t per head of a 4 x 16 row, on AVX-512.</summary>
    private static Vector128<float> FourHeadDots512(float* g, float* o) =>
        WideRows.FourHeadSums(Vector512.Load(g) * Vector512.Load(o), Vector512.Load(g + 16) * Vector512.Load(o + 16),
            Vector512.Load(g + 32) * Vector512.Load(o + 32), Vector512.Load(g + 48) * Vector512.Load(o + 48));
}
