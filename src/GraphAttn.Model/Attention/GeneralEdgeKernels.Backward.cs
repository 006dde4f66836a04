using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Model.Attention;

internal sealed unsafe partial class GeneralEdgeKernels
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void PackTargetLines(int heads, int channels, float* aDst, float* lse, float* output,
        float* gradOut, float* lines, int first, int end)
    {
        var width = heads * channels;
        var stride = TargetLineFloats(heads);
        for (long t = first; t < end; t++)
        {
            var line = lines + t * stride;
            for (var k = 0; k < heads; k++)
            {
                line[k] = aDst[t * heads + k];
                line[heads + k] = lse[t * heads + k];
                line[2 * heads + k] = KernelMath.Dot(gradOut + t * width + k * channels,
                    output + t * width + k * channels, channels);
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void BackwardSources(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* gradOut, float* lines, float* gradH, float* gradASrc, float* dLogit, float dropout, ulong seed,
        int first, int end)
    {
        var width = heads * channels;
        var stride = TargetLineFloats(heads);
        var offsets = edges.SourceOffsets;
        var last = offsets[end];
        var buffer = ArrayPool<float>.Shared.Rent(MaxDegree(offsets, first, end) * heads + 1);
        fixed (int* targets = edges.SourceTargets, ids = edges.SourceEdgeIds)
        fixed (float* alpha = buffer)
            for (long s = first; s < end; s++)
            {
                var hs = h + s * width;
                var src = aSrc + s * heads;
                var row = gradH + s * width;
                var gs = gradASrc + s * heads;
                new Span<float>(row, width).Clear();
                for (var k = 0; k < heads; k++) gs[k] = 0f;
                int j0 = offsets[s], j1 = offsets[s + 1];
                SourceAlphas(targets, j0, j1, last, heads, width, src, gradOut, lines, alpha);
                // 2. gradients.
                for (var j = j0; j < j1; j++)
                {
                    var t = targets[j];
                    var line = lines + (long)t * stride;
                    var gRow = gradOut + (long)t * width;
                    var a = alpha + (j - j0) * heads;
                    for (var k = 0; k < heads; k++)
                    {
                        var keep = dropout > 0f ? AttentionDropout.Factor(seed, ids[j], k, heads, dropout) : 1f;
                        var gAlpha = keep * KernelMath.Dot(gRow + k * channels, hs + k * channels, channels);
                        var slope = LeakyRelu.Slope(src[k] + line[k]);
                        var d = a[k] * (gAlpha - line[2 * heads + k]) * slope;
                        gs[k] += d;
                        dLogit[(long)j * heads + k] = d;
                        KernelMath.Axpy(a[k] * keep, gRow + k * channels, row + k * channels, channels);
                    }
                }
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    /// <summary>
    /// 1. of a source's walk: alpha of its out-edges j0 .. j1-1, exp(LeakyReLU(aSrc_s + aDst_t) - lse_t) per head, into
    /// alpha, with one vectorised exp at the end (libm exp per element costs more than the gathers). The targets'
    /// rows and lines are fetched ahead across source boundaries: most sources have fewer out-edges than the distance.
    /// </summary>
    private static void SourceAlphas(int* targets, int j0, int j1, int last, int heads, int width, float* src,
        float* gradOut, float* lines, float* alpha)
    {
        var stride = TargetLineFloats(heads);
        for (var j = j0; j < j1; j++)
        {
            if (j + PrefetchDistance < last)
            {
                var ahead = targets[j + PrefetchDistance];
                Prefetch(gradOut + (long)ahead * width, width);
                Prefetch(lines + (long)ahead * stride, stride);
            }
            var line = lines + (long)targets[j] * stride;
            var a = alpha + (j - j0) * heads;
            if (heads == 4) // one 128-bit register for the four heads
                Vector128.Store(LeakyRelu.Apply(Vector128.Load(src) + Vector128.Load(line)) - Vector128.Load(line + 4), a);
            else
                for (var k = 0; k < heads; k++) a[k] = LeakyRelu.Apply(src[k] + line[k]) - line[heads + k];
        }
        KernelMath.ExpInPlace(alpha, (j1 - j0) * heads);
    }
}
