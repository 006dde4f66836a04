using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// <see cref="ForwardRange"/> for 64-float rows on AVX-512 (<see cref="KernelPath.Wide512"/>): the same sums, with
    /// the output row held in four registers while a target's edges are added (one fused multiply-add per register and
    /// edge).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void ForwardRange512(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* output, float* lse, float dropout, ulong seed, int first, int end)
    {
        var max = stackalloc float[WideRows.Padding];
        var scale = stackalloc float[WideRows.Padding];
        Vector512<int> i0 = WideRows.HeadIndex(0, channels), i1 = WideRows.HeadIndex(1, channels),
            i2 = WideRows.HeadIndex(2, channels), i3 = WideRows.HeadIndex(3, channels);
        var offsets = edges.TargetOffsets;
        var buffer = ArrayPool<float>.Shared.Rent(MaxDegree(offsets, first, end) * heads + WideRows.Padding);
        var last = offsets[end];
        fixed (int* src0 = edges.Sources)
        fixed (float* logits = buffer)
            for (var t = first; t < end; t++)
            {
                var row = output + (long)t * WideRows.Width;
                int e0 = offsets[t], e1 = offsets[t + 1];
                var dst = aDst + (long)t * heads;
                TargetWeights(src0, e0, e1, last, heads, WideRows.Width, h, aSrc, dst, logits, max, scale);
                if (dropout > 0f) DropWeights(logits, e0, e1, heads, dropout, seed);
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (var e = e0; e < e1; e++)
                {
                    var hs = h + (long)src0[e] * WideRows.Width;
                    var w = Vector512.Load(logits + (e - e0) * heads);
                    a0 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i0), Vector512.Load(hs), a0);
                    a1 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i1), Vector512.Load(hs + 16), a1);
                    a2 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i2), Vector512.Load(hs + 32), a2);
                    a3 = Avx512F.FusedMultiplyAdd(WideRows.Spread(w, i3), Vector512.Load(hs + 48), a3);
                }
                Normalisers(e0 == e1, heads, max, scale, lse + (long)t * heads);
                var s = Vector512.Load(scale);
                Vector512.Store(a0 * WideRows.Spread(s, i0), row);
                Vector512.Store(a1 * WideRows.Spread(s, i1), row + 16);
                Vector512.Store(a2 * WideRows.Spread(s, i2), row + 32);
                Vector512.Store(a3 * WideRows.Spread(s, i3), row + 48);
            }
        ArrayPool<float>.Shared.Return(buffer);
    }
}
