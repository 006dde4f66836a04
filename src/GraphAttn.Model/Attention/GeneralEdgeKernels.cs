using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Model.Attention;

/// <summary>
/// <see cref="KernelPath.General"/>: any layout, any machine. Per target (forward) or source (backward) the edges'
/// weights are computed first into a buffer, with one vectorised exp over all of them, then per edge and head the rows
/// in memory are updated by short SIMD loops (<see cref="KernelMath"/>).
/// </summary>
internal sealed unsafe partial class GeneralEdgeKernels : EdgeKernels
{
    /// <inheritdoc />
    public override KernelPath Path => KernelPath.General;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void ForwardTargets(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* aDst, float* output, float* lse, float dropout, ulong seed, int first, int end)
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
                        if (weight != 0f) KernelMath.Axpy(weight, hs + k * channels, row + k * channels, channels);
                    }
                }
                // 3. normalise (targets without edges keep a zero row and lse 0).
                for (var k = 0; k < heads; k++)
                {
                    var empty = e0 == e1;
                    if (!empty) KernelMath.Scale(1f / sum[k], row + k * channels, channels);
                    lse[(long)t * heads + k] = empty ? 0f : max[k] + MathF.Log(sum[k]);
                }
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>
    /// Steps 1-2 of target t's forward: per in-edge e0 .. e1-1 and head the logit and the per-head maximum (the shift
    /// that keeps exp() finite), then the unnormalised weights exp(logit - max) in place in <paramref name="logits"/>
    /// and their per-head sums in <paramref name="sum"/> (both max and sum hold at least max(H, 4) floats). Logit rows
    /// are fetched ahead across target boundaries (most targets have fewer in-edges than the distance); this target's
    /// feature rows are requested now, to arrive while exp() runs.
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
                var x = LeakyRelu.Apply(Vector128.Load(src) + Vector128.Load(dst));
                Vector128.Store(x, l);
                maxLanes = Vector128.Max(maxLanes, x);
            }
            else
                for (var k = 0; k < heads; k++) max[k] = MathF.Max(max[k], l[k] = LeakyRelu.Apply(src[k] + dst[k]));
        }
        if (heads == 4) Vector128.Store(maxLanes, max);
        var n = (e1 - e0) * heads;
        KernelMath.ShiftedExpInPlace(logits, n, max, heads);
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
}
