using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Fused edge-attention kernels over target-sorted CSR edges. Per target and head they compute
/// alpha_e = softmax over incoming edges of LeakyReLU(aSrc[src] + aDst[dst]) and out = sum_e alpha_e * d_e * h[src],
/// without materialising anything of shape [E, H, C]. Rows are parallel over targets (forward) and over sources
/// (gradient of h), so no two threads write the same row, and every sum runs in a fixed order: the same inputs give
/// the same bits on any number of threads.
/// Layouts (row-major, float32): h [Ns, H, C], aSrc [Ns, H], aDst [Nt, H], out [Nt, H, C], lse [Nt, H].
/// The model's 4 x 16 layout takes a register-held path on AVX2 machines (the *256 files). Other layouts and machines
/// take the general path, which computes the same sums. <see cref="KernelPath"/> picks one; <see cref="KernelPath.Auto"/>
/// the fastest.
/// </summary>
public static unsafe partial class FusedGatKernels
{
    /// <summary>LeakyReLU slope used by GAT (PyG default 0.2).</summary>
    public const float NegativeSlope = 0.2f;

    /// <summary>How many edges ahead the kernels prefetch rows they will gather (16 measured faster than 8 and
    /// 32).</summary>
    private const int PrefetchDistance = 16;

    /// <summary>
    /// Forward pass. Writes out and the per-(target, head) log-sum-exp of the logits (0 for targets without edges,
    /// whose output row is zero).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> cannot run on this machine or layout.</exception>
    public static void Forward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* output, float* lse, float dropout, ulong seed, KernelPath path = KernelPath.Auto)
    {
        nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, op = (nint)output, lp = (nint)lse;
        var bounds = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
        ForwardRangeKernel range = KernelPaths.Resolve(path, heads, channels) switch
        {
            KernelPath.Wide256 => ForwardRange256,
            _ => ForwardRange,
        };
        Parallel.For(0, bounds.Length - 1, k =>
            range(edges, heads, channels, (float*)hp, (float*)asp, (float*)adp, (float*)op, (float*)lp, dropout, seed,
                bounds[k], bounds[k + 1]));
    }

    /// <summary>The forward pass over targets first .. end-1, as each path implements it.</summary>
    private delegate void ForwardRangeKernel(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* aDst, float* output, float* lse, float dropout, ulong seed, int first, int end);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void ForwardRange(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* output, float* lse, float dropout, ulong seed, int first, int end)
    {
        var width = heads * channels;
        var max = stackalloc float[Math.Max(heads, 4)];
        var sum = stackalloc float[Math.Max(heads, 4)];
        var offsets = edges.TargetOffsets;
        var sources = edges.Sources;
        var buffer = ArrayPool<float>.Shared.Rent(MaxDegree(offsets, first, end) * heads + 1);
        var last = offsets[end];
        fixed (int* src0 = sources)
        fixed (float* logits = buffer)
            for (var t = first; t < end; t++)
            {
                var row = output + (long)t * width;
                new Span<float>(row, width).Clear();
                int e0 = offsets[t], e1 = offsets[t + 1];
                var dst = aDst + (long)t * heads;
                // 1-2. unnormalised weights and their sums, then the weighted sum of rows.
                TargetWeights(src0, e0, e1, last, heads, width, h, aSrc, dst, logits, max, sum);
                for (var e = e0; e < e1; e++)
                {
                    var hs = h + (long)src0[e] * width;
                    var w = logits + (e - e0) * heads;
                    for (var k = 0; k < heads; k++)
                    {
                        var weight = dropout > 0f ? w[k] * AttentionDropout.Factor(seed, e, k, heads, dropout) : w[k];
                        if (weight != 0f) VectorMath.Axpy(weight, hs + k * channels, row + k * channels, channels);
                    }
                }
                // 3. normalise (targets without edges keep a zero row and lse 0).
                for (var k = 0; k < heads; k++)
                {
                    var empty = e0 == e1;
                    if (!empty) VectorMath.Scale(1f / sum[k], row + k * channels, channels);
                    lse[(long)t * heads + k] = empty ? 0f : max[k] + MathF.Log(sum[k]);
                }
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>
    /// Steps 1-2 of target t's forward on the general path: per in-edge e0 .. e1-1 and head the logit and the
    /// per-head maximum (the shift that keeps exp() finite), then the unnormalised weights exp(logit - max) in place in
    /// <paramref name="logits"/> and their per-head sums in <paramref name="sum"/> (both max and sum hold at least
    /// max(H, 4) floats). Logit rows are fetched ahead across target boundaries (most targets have fewer in-edges than
    /// the distance); this target's feature rows are requested now, to arrive while exp() runs.
    /// </summary>
    private static void TargetWeights(int* src0, int e0, int e1, int last, int heads, int width, float* h, float* aSrc,
        float* dst, float* logits, float* max, float* sum)
    {
        var maxLanes = Vector128.Create(float.NegativeInfinity);
        for (var k = 0; k < heads; k++) max[k] = float.NegativeInfinity;
        for (var e = e0; e < e1; e++)
        {
            if (e + PrefetchDistance < last) Prefetch(aSrc + (long)src0[e + PrefetchDistance] * heads, heads);
            Prefetch(h + (long)src0[e] * width, width);
            var src = aSrc + (long)src0[e] * heads;
            var l = logits + (e - e0) * heads;
            if (heads == 4) // one 128-bit register for the four heads
            {
                var x = Logits(Vector128.Load(src) + Vector128.Load(dst));
                Vector128.Store(x, l);
                maxLanes = Vector128.Max(maxLanes, x);
            }
            else
                for (var k = 0; k < heads; k++) max[k] = MathF.Max(max[k], l[k] = Logit(src[k] + dst[k]));
        }
        if (heads == 4) Vector128.Store(maxLanes, max);
        var n = (e1 - e0) * heads;
        VectorMath.ShiftedExpInPlace(logits, n, max, heads);
        if (heads == 4)
        {
            var total = Vector128<float>.Zero;
            for (var i = 0; i < n; i += 4) total += Vector128.Load(logits + i);
            Vector128.Store(total, sum);
            return;
        }
        for (var k = 0; k < heads; k++) sum[k] = 0f;
        for (var i = 0; i < n; i += heads)
            for (var k = 0; k < heads; k++) sum[k] += logits[i + k];
    }

    /// <summary>The AVX2 path: the four heads' dropout keep factors of edge <paramref name="edge"/>
    /// (<see cref="AttentionDropout"/>), in one register.</summary>
    private static Vector128<float> FourKeepFactors(ulong seed, int edge, float dropout) =>
        Vector128.Create(AttentionDropout.Factor(seed, edge, 0, 4, dropout), AttentionDropout.Factor(seed, edge, 1, 4, dropout),
            AttentionDropout.Factor(seed, edge, 2, 4, dropout), AttentionDropout.Factor(seed, edge, 3, 4, dropout));

    /// <summary>Attention coefficients alpha [E, H] (before dropout), e.g. for explanations and tests.</summary>
    public static float[] Coefficients(GatEdges edges, int heads, ReadOnlySpan<float> aSrc, ReadOnlySpan<float> aDst)
    {
        var alpha = new float[(long)edges.EdgeCount * heads];
        var max = new float[heads];
        var sum = new float[heads];
        for (var t = 0; t < edges.TargetCount; t++)
        {
            int e0 = edges.TargetOffsets[t], e1 = edges.TargetOffsets[t + 1];
            Array.Fill(max, float.NegativeInfinity);
            Array.Clear(sum);
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++)
                    max[k] = MathF.Max(max[k], Logit(aSrc[edges.Sources[e] * heads + k] + aDst[t * heads + k]));
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++)
                    sum[k] += alpha[(long)e * heads + k] =
                        MathF.Exp(Logit(aSrc[edges.Sources[e] * heads + k] + aDst[t * heads + k]) - max[k]);
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++) alpha[(long)e * heads + k] /= sum[k];
        }
        return alpha;
    }

    /// <summary>
    /// LeakyReLU as max(x, slope * x) (equal for slope &lt; 1), which compiles without a branch: the signs of the
    /// logits are random, and a branch on them mispredicted often enough to cost more than the gathers.
    /// </summary>
    private static float Logit(float x) => MathF.Max(x, NegativeSlope * x);

    /// <summary><see cref="Logit"/> of four lanes (four heads).</summary>
    private static Vector128<float> Logits(Vector128<float> x) => Vector128.Max(x, x * NegativeSlope);

    /// <summary>Derivative of <see cref="Logit"/> (1 where x &gt; 0, else the slope; 0 and NaN take the slope, as
    /// torch's leaky_relu backward does), without a branch: positive floats other than +0 are the bit patterns 1 ..
    /// 0x7F800000.</summary>
    private static float LogitSlope(float x)
    {
        var positive = (uint)(BitConverter.SingleToInt32Bits(x) - 1) < 0x7F800000u;
        return NegativeSlope + (1f - NegativeSlope) * Unsafe.BitCast<bool, byte>(positive);
    }

    private static int MaxDegree(int[] offsets, int first, int end)
    {
        var max = 0;
        for (var t = first; t < end; t++) max = Math.Max(max, offsets[t + 1] - offsets[t]);
        return max;
    }

    /// <summary>Asks for a row's cache lines ahead of use; the gather of random source rows is latency-bound.</summary>
    private static void Prefetch(float* row, int width)
    {
        if (!Sse.IsSupported) return;
        for (var i = 0; i < width; i += 16) Sse.Prefetch0(row + i);
    }
}
