using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// <see cref="ForwardRange"/> for 4 x 16 rows on AVX2 (<see cref="KernelPath.Wide256"/>): the output row is held in
    /// eight registers while a target's edges are added; per edge each head's weight is one broadcast, used by the two
    /// fused multiply-adds of its registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void ForwardRange256(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* output, float* lse, float dropout, ulong seed, int first, int end)
    {
        var max = stackalloc float[WideRows.Padding];
        var scale = stackalloc float[WideRows.Padding];
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
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default,
                    a6 = default, a7 = default;
                for (var e = e0; e < e1; e++)
                {
                    var hs = h + (long)src0[e] * WideRows.Width;
                    var w = logits + (e - e0) * 4;
                    var w0 = Vector256.Create(w[0]);
                    a0 = Fma.MultiplyAdd(w0, Vector256.Load(hs), a0);
                    a1 = Fma.MultiplyAdd(w0, Vector256.Load(hs + 8), a1);
                    var w1 = Vector256.Create(w[1]);
                    a2 = Fma.MultiplyAdd(w1, Vector256.Load(hs + 16), a2);
                    a3 = Fma.MultiplyAdd(w1, Vector256.Load(hs + 24), a3);
                    var w2 = Vector256.Create(w[2]);
                    a4 = Fma.MultiplyAdd(w2, Vector256.Load(hs + 32), a4);
                    a5 = Fma.MultiplyAdd(w2, Vector256.Load(hs + 40), a5);
                    var w3 = Vector256.Create(w[3]);
                    a6 = Fma.MultiplyAdd(w3, Vector256.Load(hs + 48), a6);
                    a7 = Fma.MultiplyAdd(w3, Vector256.Load(hs + 56), a7);
                }
                Normalisers(e0 == e1, heads, max, scale, lse + (long)t * heads);
                Vector256<float> n0 = Vector256.Create(scale[0]), n1 = Vector256.Create(scale[1]),
                    n2 = Vector256.Create(scale[2]), n3 = Vector256.Create(scale[3]);
                Vector256.Store(a0 * n0, row);
                Vector256.Store(a1 * n0, row + 8);
                Vector256.Store(a2 * n1, row + 16);
                Vector256.Store(a3 * n1, row + 24);
                Vector256.Store(a4 * n2, row + 32);
                Vector256.Store(a5 * n2, row + 40);
                Vector256.Store(a6 * n3, row + 48);
                Vector256.Store(a7 * n3, row + 56);
            }
        ArrayPool<float>.Shared.Return(buffer);
    }
}
