using System.Buffers;

namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// Backward pass of <see cref="Forward"/>. Given gradOut [Nt, H, C] it writes gradH [Ns, H, C],
    /// gradASrc [Ns, H] and gradADst [Nt, H] (all overwritten). Two passes: over targets (softmax and LeakyReLU
    /// backward) and over sources (gathering gradH and gradASrc). Between them two [E, H] buffers hold, in source
    /// order, each edge's kept attention weight and its logit gradient.
    /// </summary>
    public static void Backward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout, ulong seed)
    {
        var size = edges.EdgeCount * heads;
        var kept = ArrayPool<float>.Shared.Rent(size);
        var dLogit = ArrayPool<float>.Shared.Rent(size);
        try
        {
            fixed (float* kp = kept, dl = dLogit)
            {
                nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, lp = (nint)lse, gp = (nint)gradOut,
                    ghp = (nint)gradH, gsp = (nint)gradASrc, gdp = (nint)gradADst, kpp = (nint)kp, dlp = (nint)dl;
                var targets = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
                Parallel.For(0, targets.Length - 1, k =>
                    BackwardTargets(edges, heads, channels, (float*)hp, (float*)asp, (float*)adp, (float*)lp,
                        (float*)gp, (float*)gdp, (float*)kpp, (float*)dlp, dropout, seed, targets[k], targets[k + 1]));
                var sources = WorkChunks.Split(edges.SourceOffsets, edges.SourceCount);
                Parallel.For(0, sources.Length - 1, k =>
                    BackwardSources(edges, heads, channels, (float*)gp, (float*)ghp, (float*)gsp, (float*)kpp,
                        (float*)dlp, sources[k], sources[k + 1]));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(kept);
            ArrayPool<float>.Shared.Return(dLogit);
        }
    }

    private static void BackwardTargets(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* gradOut, float* gradADst, float* kept, float* dLogit, float dropout, ulong seed,
        int first, int end)
    {
        var width = heads * channels;
        var weighted = stackalloc float[heads];
        var buffer = ArrayPool<float>.Shared.Rent(2 * MaxDegree(edges.TargetOffsets, first, end) * heads + 1);
        var last = edges.TargetOffsets[end];
        fixed (int* src0 = edges.Sources, positions = edges.EdgeSourcePositions)
        fixed (float* local = buffer)
            for (var t = first; t < end; t++)
            {
                int e0 = edges.TargetOffsets[t], e1 = edges.TargetOffsets[t + 1];
                var dst = aDst + (long)t * heads;
                var lseRow = lse + (long)t * heads;
                var gRow = gradOut + (long)t * width;
                var alpha = local;
                var gAlpha = local + (e1 - e0) * heads;
                for (var k = 0; k < heads; k++) weighted[k] = 0f;
                // 1. alpha = exp(logit - lse) for all edges at once, then dL/dalpha = keep * (gradOut_t . h_src).
                for (var e = e0; e < e1; e++)
                {
                    // As in the forward pass: logit rows ahead across targets, this target's feature rows now.
                    if (e + PrefetchDistance < last) Prefetch(aSrc + (long)src0[e + PrefetchDistance] * heads, heads);
                    Prefetch(h + (long)src0[e] * width, width);
                    var src = aSrc + (long)src0[e] * heads;
                    for (var k = 0; k < heads; k++) alpha[(e - e0) * heads + k] = Logit(src[k] + dst[k]);
                }
                VectorMath.ShiftedExpInPlace(alpha, (e1 - e0) * heads, lseRow, heads);
                for (var e = e0; e < e1; e++)
                {
                    var hs = h + (long)src0[e] * width;
                    var i = (e - e0) * heads;
                    for (var k = 0; k < heads; k++)
                    {
                        var a = alpha[i + k];
                        var keep = dropout > 0f ? AttentionDropout.Factor(seed, e, k, heads, dropout) : 1f;
                        var g = keep == 0f ? 0f : keep * VectorMath.Dot(gRow + k * channels, hs + k * channels, channels);
                        gAlpha[i + k] = g;
                        weighted[k] += a * g;
                        kept[(long)positions[e] * heads + k] = a * keep;
                    }
                }
                // 2. softmax backward, then LeakyReLU backward; dst logits gather their gradient here.
                for (var k = 0; k < heads; k++) gradADst[(long)t * heads + k] = 0f;
                for (var e = e0; e < e1; e++)
                {
                    var src = aSrc + (long)src0[e] * heads;
                    var i = (e - e0) * heads;
                    for (var k = 0; k < heads; k++)
                    {
                        var slope = src[k] + dst[k] > 0f ? 1f : NegativeSlope;
                        var d = alpha[i + k] * (gAlpha[i + k] - weighted[k]) * slope;
                        dLogit[(long)positions[e] * heads + k] = d;
                        gradADst[(long)t * heads + k] += d;
                    }
                }
            }
        ArrayPool<float>.Shared.Return(buffer);
    }

    private static void BackwardSources(GatEdges edges, int heads, int channels, float* gradOut, float* gradH,
        float* gradASrc, float* kept, float* dLogit, int first, int end)
    {
        var width = heads * channels;
        var last = edges.SourceOffsets[end];
        fixed (int* targets = edges.SourceTargets)
            for (var s = first; s < end; s++)
            {
                var row = gradH + (long)s * width;
                var gs = gradASrc + (long)s * heads;
                new Span<float>(row, width).Clear();
                for (var k = 0; k < heads; k++) gs[k] = 0f;
                int j0 = edges.SourceOffsets[s], j1 = edges.SourceOffsets[s + 1];
                for (var j = j0; j < j1; j++)
                {
                    // Ahead across source boundaries: most sources have fewer out-edges than the distance.
                    if (j + PrefetchDistance < last) Prefetch(gradOut + (long)targets[j + PrefetchDistance] * width, width);
                    var gRow = gradOut + (long)targets[j] * width;
                    for (var k = 0; k < heads; k++)
                    {
                        gs[k] += dLogit[(long)j * heads + k];
                        var w = kept[(long)j * heads + k];
                        if (w != 0f) VectorMath.Axpy(w, gRow + k * channels, row + k * channels, channels);
                    }
                }
            }
    }
}
