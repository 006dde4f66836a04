using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// <see cref="KernelPath.Avx2"/>: the model's layout, 4 heads x 16 channels, on AVX2 + FMA. A row is eight 256-bit
/// registers, two per head (<see cref="Avx2Rows"/>), so an edge's head weight is one broadcast and the four per-head
/// scalars one 128-bit register. Each edge's weights are computed in registers where the edge is used, and the rows of
/// the edge <see cref="EdgeKernels.PrefetchDistance"/> ahead are requested meanwhile, across targets (sources). The
/// general path's shape (a target's rows all requested up front, weights exponentiated and dropped in passes of their
/// own, then read back from a buffer) was slower on an AVX2 machine in alternating runs of the `kernel` benchmark
/// (tests/GraphAttn.Model.Benchmarks/README.md).
/// </summary>
internal sealed unsafe partial class Avx2EdgeKernels : EdgeKernels
{
    /// <inheritdoc />
    public override KernelPath Path => KernelPath.Avx2;

    /// <summary>
    /// Two loops per target: the logits and their per-head maximum, then edge by edge the four weights (one 128-bit
    /// exp), their sums, the dropout factors and the weighted source row, added into eight registers that hold the
    /// output row (one broadcast per head, two fused multiply-adds). The second loop requests the feature row
    /// <see cref="EdgeKernels.PrefetchDistance"/> edges ahead, across targets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void ForwardTargets(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* aDst, float* output, float* lse, float dropout, ulong seed, int first, int end)
    {
        const int width = Avx2Rows.Width;
        var offsets = edges.TargetOffsets;
        var buffer = ArrayPool<float>.Shared.Rent(MaxDegree(offsets, first, end) * heads + 1);
        var last = offsets[end];
        var dropped = dropout > 0f;
        fixed (int* src0 = edges.Sources)
        fixed (float* logits = buffer)
            for (var t = first; t < end; t++)
            {
                int e0 = offsets[t], e1 = offsets[t + 1];
                var dst = Vector128.Load(aDst + (long)t * heads);
                // 1. Logits and their per-head maximum (the shift that keeps exp() finite).
                var max = Vector128.Create(float.NegativeInfinity);
                for (var e = e0; e < e1; e++)
                {
                    if (e + PrefetchDistance < last) Prefetch(aSrc + (long)src0[e + PrefetchDistance] * heads, heads);
                    var x = LeakyRelu.Apply(Vector128.Load(aSrc + (long)src0[e] * heads) + dst);
                    Vector128.Store(x, logits + (e - e0) * heads);
                    max = Vector128.Max(max, x);
                }
                // 2. Weights, their sums (before dropout) and the weighted rows, edge by edge.
                var sum = Vector128<float>.Zero;
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default,
                    a6 = default, a7 = default;
                for (var e = e0; e < e1; e++)
                {
                    if (e + PrefetchDistance < last) Prefetch(h + (long)src0[e + PrefetchDistance] * width, width);
                    var hs = h + (long)src0[e] * width;
                    var weights = Vector128.Exp(Vector128.Load(logits + (e - e0) * heads) - max);
                    sum += weights;
                    if (dropped) weights *= FourKeepFactors(seed, e, dropout);
                    var w = Vector256.Create(weights.ToScalar());
                    a0 = Fma.MultiplyAdd(w, Vector256.Load(hs), a0);
                    a1 = Fma.MultiplyAdd(w, Vector256.Load(hs + 8), a1);
                    w = Vector256.Create(weights.GetElement(1));
                    a2 = Fma.MultiplyAdd(w, Vector256.Load(hs + 16), a2);
                    a3 = Fma.MultiplyAdd(w, Vector256.Load(hs + 24), a3);
                    w = Vector256.Create(weights.GetElement(2));
                    a4 = Fma.MultiplyAdd(w, Vector256.Load(hs + 32), a4);
                    a5 = Fma.MultiplyAdd(w, Vector256.Load(hs + 40), a5);
                    w = Vector256.Create(weights.GetElement(3));
                    a6 = Fma.MultiplyAdd(w, Vector256.Load(hs + 48), a6);
                    a7 = Fma.MultiplyAdd(w, Vector256.Load(hs + 56), a7);
                }
                // 3. Normalise; a target without edges keeps a zero row and lse 0.
                var empty = e0 == e1;
                Vector128.Store(empty ? Vector128<float>.Zero : max + Vector128.Log(sum), lse + (long)t * heads);
                var scale = empty ? Vector128<float>.Zero : Vector128<float>.One / sum;
                var row = output + (long)t * width;
                var n = Vector256.Create(scale.ToScalar());
                Vector256.Store(a0 * n, row);
                Vector256.Store(a1 * n, row + 8);
                n = Vector256.Create(scale.GetElement(1));
                Vector256.Store(a2 * n, row + 16);
                Vector256.Store(a3 * n, row + 24);
                n = Vector256.Create(scale.GetElement(2));
                Vector256.Store(a4 * n, row + 32);
                Vector256.Store(a5 * n, row + 40);
                n = Vector256.Create(scale.GetElement(3));
                Vector256.Store(a6 * n, row + 48);
                Vector256.Store(a7 * n, row + 56);
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>The four heads' dropout keep factors of edge <paramref name="edge"/> (<see cref="AttentionDropout"/>),
    /// in one register.</summary>
    private static Vector128<float> FourKeepFactors(ulong seed, int edge, float dropout) =>
        Vector128.Create(AttentionDropout.Factor(seed, edge, 0, 4, dropout), AttentionDropout.Factor(seed, edge, 1, 4, dropout),
            AttentionDropout.Factor(seed, edge, 2, 4, dropout), AttentionDropout.Factor(seed, edge, 3, 4, dropout));
}
