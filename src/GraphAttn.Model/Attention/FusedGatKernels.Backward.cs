using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// Backward pass of <see cref="Forward"/>. Given gradOut [Nt, H, C] and the forward's output [Nt, H, C] it writes
    /// gradH [Ns, H, C], gradASrc [Ns, H] and gradADst [Nt, H] (all overwritten).
    /// <para>
    /// The edges are walked once, in source order, so each edge gathers one random row (gradOut of its target) and
    /// one packed per-target line; the source's own rows are read once. What makes one walk enough is that softmax
    /// backward needs, per target and head, only sum_e alpha_e * dL/dalpha_e = gradOut_t . out_t (the output already
    /// holds the kept, weighted rows), computed per target up front instead of by a second walk over its edges.
    /// </para>
    /// <para>
    /// gradADst sums each target's logit gradients, which source order scatters. Scattered adds (read, add, write
    /// a random line per edge) stalled the walk, so the walk writes the gradients in its own order, sequentially, and
    /// a last pass over targets gathers them: loads only, one writer per row, and the same bits whatever thread ran
    /// what.
    /// </para>
    /// </summary>
    public static void Backward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* output, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout,
        ulong seed, KernelPath path = KernelPath.Auto)
    {
        var resolved = KernelPaths.Resolve(path, heads, channels);
        // Pooled, not freshly allocated: on a VM the first touches of fresh pages cost more than the pass itself.
        var lineBuffer = ArrayPool<float>.Shared.Rent(edges.TargetCount * TargetLineFloats(heads) + 16);
        var dLogitBuffer = ArrayPool<float>.Shared.Rent(edges.EdgeCount * heads + 1);
        try
        {
            fixed (float* lineBase = lineBuffer, dLogit = dLogitBuffer)
                // Aligned to 64 bytes, so a target's packed line is one cache line when it fits in one (H <= 5).
                BackwardPasses(edges, heads, channels, h, aSrc, aDst, lse, output, gradOut, gradH, gradASrc, gradADst,
                    dropout, seed, (float*)(((nint)lineBase + 63) & ~(nint)63), dLogit, resolved);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(lineBuffer);
            ArrayPool<float>.Shared.Return(dLogitBuffer);
        }
    }

    /// <summary>The three passes of <see cref="Backward"/>: pack target lines, walk sources, gather gradADst.</summary>
    private static void BackwardPasses(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* output, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout,
        ulong seed, float* lines, float* dLogit, KernelPath path)
    {
        nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, lp = (nint)lse, op = (nint)output, gp = (nint)gradOut,
            ghp = (nint)gradH, gsp = (nint)gradASrc, gdp = (nint)gradADst, linep = (nint)lines, dlp = (nint)dLogit;
        var targets = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
        Parallel.For(0, targets.Length - 1, k =>
            PackTargetLines(heads, channels, (float*)adp, (float*)lp, (float*)op, (float*)gp, (float*)linep,
                targets[k], targets[k + 1], path));
        var sources = WorkChunks.Split(edges.SourceOffsets, edges.SourceCount);
        BackwardSourcesKernel walk = path switch
        {
            KernelPath.Wide256 => BackwardSources256,
            _ => BackwardSources,
        };
        Parallel.For(0, sources.Length - 1, k =>
            walk(edges, heads, channels, (float*)hp, (float*)asp, (float*)gp, (float*)linep, (float*)ghp, (float*)gsp,
                (float*)dlp, dropout, seed, sources[k], sources[k + 1]));
        Parallel.For(0, targets.Length - 1, k =>
            GatherTargetGradients(edges, heads, (float*)dlp, (float*)gdp, targets[k], targets[k + 1]));
    }

    /// <summary>The walk over sources first .. end-1, as each path implements it.</summary>
    private delegate void BackwardSourcesKernel(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* gradOut, float* lines, float* gradH, float* gradASrc, float* dLogit, float dropout, ulong seed,
        int first, int end);

    /// <summary>Floats per packed target line: aDst, lse and gradOut . out per head, padded to whole cache
    /// lines.</summary>
    private static int TargetLineFloats(int heads) => (3 * heads + 15) / 16 * 16;

    /// <summary>Per target t: line[t] = (aDst[t, :], lse[t, :], weighted[t, :]) with weighted = gradOut_t . out_t
    /// per head.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void PackTargetLines(int heads, int channels, float* aDst, float* lse, float* output,
        float* gradOut, float* lines, int first, int end, KernelPath path)
    {
        var width = heads * channels;
        var stride = TargetLineFloats(heads);
        var fourWide = heads == 4 && path == KernelPath.Wide256; // the model's layout
        for (long t = first; t < end; t++)
        {
            var line = lines + t * stride;
            if (fourWide)
            {
                var g = gradOut + t * width;
                var o = output + t * width;
                Vector128.Store(Vector128.Load(aDst + t * 4), line);
                Vector128.Store(Vector128.Load(lse + t * 4), line + 4);
                Vector128.Store(FourHeadDots256(g, o), line + 8);
                continue;
            }
            for (var k = 0; k < heads; k++)
            {
                line[k] = aDst[t * heads + k];
                line[heads + k] = lse[t * heads + k];
                line[2 * heads + k] = VectorMath.Dot(gradOut + t * width + k * channels,
                    output + t * width + k * channels, channels);
            }
        }
    }

    /// <summary>
    /// Sources first .. end-1: per out-edge s -> t and head, alpha = exp(LeakyReLU(aSrc_s + aDst_t) - lse_t),
    /// dL/dalpha = keep * gradOut_t . h_s, and the logit gradient d = alpha * (dL/dalpha - weighted_t) * slope;
    /// gradH_s gathers keep * alpha * gradOut_t, gradASrc_s gathers d, and d is stored at the edge's source-order slot.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void BackwardSources(GatEdges edges, int heads, int channels, float* h, float* aSrc,
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
                        var gAlpha = keep * VectorMath.Dot(gRow + k * channels, hs + k * channels, channels);
                        var slope = LogitSlope(src[k] + line[k]);
                        var d = a[k] * (gAlpha - line[2 * heads + k]) * slope;
                        gs[k] += d;
                        dLogit[(long)j * heads + k] = d;
                        VectorMath.Axpy(a[k] * keep, gRow + k * channels, row + k * channels, channels);
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
                Vector128.Store(Logits(Vector128.Load(src) + Vector128.Load(line)) - Vector128.Load(line + 4), a);
            else
                for (var k = 0; k < heads; k++) a[k] = Logit(src[k] + line[k]) - line[heads + k];
        }
        VectorMath.ExpInPlace(alpha, (j1 - j0) * heads);
    }

    /// <summary>The AVX2 path: one edge's logit gradients alpha * (keep * gradOut_t . h_s - weighted_t) *
    /// LeakyReLU'(aSrc_s + aDst_t) from registers: its four head dot products, coefficients, keep factors (1 without
    /// dropout: keep · dots is then dots exactly) and pre-activation logits, and the target's packed line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> FourLogitGradients(Vector128<float> dots, Vector128<float> alpha,
        Vector128<float> keep, Vector128<float> logits, float* line)
    {
        var slope = Vector128.ConditionalSelect(Vector128.GreaterThan(logits, Vector128<float>.Zero), Vector128<float>.One,
            Vector128.Create(NegativeSlope));
        return alpha * (keep * dots - Vector128.Load(line + 8)) * slope;
    }

    /// <summary>gradADst[t] = sum of the logit gradients of t's edges (stored in source order), for t in
    /// [first, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    private static void GatherTargetGradients(GatEdges edges, int heads, float* dLogit, float* gradADst, int first,
        int end)
    {
        var offsets = edges.TargetOffsets;
        var last = offsets[end];
        fixed (int* positions = edges.EdgeSourcePositions)
            for (long t = first; t < end; t++)
            {
                var row = gradADst + t * heads;
                if (heads == 4)
                {
                    // The model's layout: the four sums stay in one register (same order per head, same bits).
                    var sum = Vector128<float>.Zero;
                    for (var e = offsets[t]; e < offsets[t + 1]; e++)
                    {
                        if (e + PrefetchDistance < last) Prefetch(dLogit + (long)positions[e + PrefetchDistance] * 4, 4);
                        sum += Vector128.Load(dLogit + (long)positions[e] * 4);
                    }
                    Vector128.Store(sum, row);
                    continue;
                }
                for (var k = 0; k < heads; k++) row[k] = 0f;
                for (var e = offsets[t]; e < offsets[t + 1]; e++)
                {
                    if (e + PrefetchDistance < last)
                        Prefetch(dLogit + (long)positions[e + PrefetchDistance] * heads, heads);
                    var d = dLogit + (long)positions[e] * heads;
                    for (var k = 0; k < heads; k++) row[k] += d[k];
                }
            }
    }
}
