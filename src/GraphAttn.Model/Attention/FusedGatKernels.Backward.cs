namespace GraphAttn.Model.Attention;

public static unsafe partial class FusedGatKernels
{
    /// <summary>
    /// Backward pass of <see cref="Forward"/>. Given gradOut [Nt, H, C] it writes gradH [Ns, H, C],
    /// gradASrc [Ns, H] and gradADst [Nt, H] (all overwritten). Two passes: over targets (softmax and LeakyReLU
    /// backward, keeping per-edge alpha and logit gradients, [E, H] each) and over sources (gathering gradH and gradASrc).
    /// </summary>
    public static void Backward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout, ulong seed)
    {
        var alpha = GC.AllocateUninitializedArray<float>(edges.EdgeCount * heads);
        var dLogit = GC.AllocateUninitializedArray<float>(edges.EdgeCount * heads);
        fixed (float* al = alpha, dl = dLogit)
        {
            nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, lp = (nint)lse, gp = (nint)gradOut,
                ghp = (nint)gradH, gsp = (nint)gradASrc, gdp = (nint)gradADst, alp = (nint)al, dlp = (nint)dl;
            var targets = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
            Parallel.For(0, targets.Length - 1, k =>
                BackwardTargets(edges, heads, channels, (float*)hp, (float*)asp, (float*)adp, (float*)lp, (float*)gp,
                    (float*)gdp, (float*)alp, (float*)dlp, dropout, seed, targets[k], targets[k + 1]));
            var sources = WorkChunks.Split(edges.SourceOffsets, edges.SourceCount);
            Parallel.For(0, sources.Length - 1, k =>
                BackwardSources(edges, heads, channels, (float*)gp, (float*)ghp, (float*)gsp, (float*)alp,
                    (float*)dlp, dropout, seed, sources[k], sources[k + 1]));
        }
    }

    private static void BackwardTargets(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* gradOut, float* gradADst, float* alpha, float* dLogit, float dropout, ulong seed,
        int first, int end)
    {
        var width = heads * channels;
        var weighted = stackalloc float[heads];
        var sources = edges.Sources;
        for (var t = first; t < end; t++)
        {
            int e0 = edges.TargetOffsets[t], e1 = edges.TargetOffsets[t + 1];
            var dst = aDst + (long)t * heads;
            var lseRow = lse + (long)t * heads;
            var gRow = gradOut + (long)t * width;
            for (var k = 0; k < heads; k++) weighted[k] = 0f;
            // 1. alpha and dL/dalpha = d * (gradOut_t . h_src) per edge and head.
            for (var e = e0; e < e1; e++)
            {
                var s = sources[e];
                var src = aSrc + (long)s * heads;
                var hs = h + (long)s * width;
                for (var k = 0; k < heads; k++)
                {
                    var a = MathF.Exp(Logit(src[k] + dst[k]) - lseRow[k]);
                    var keep = AttentionDropout.Factor(seed, e, k, heads, dropout);
                    var g = keep == 0f ? 0f : keep * VectorMath.Dot(gRow + k * channels, hs + k * channels, channels);
                    alpha[(long)e * heads + k] = a;
                    dLogit[(long)e * heads + k] = g;
                    weighted[k] += a * g;
                }
            }
            // 2. softmax backward, then LeakyReLU backward; dst logits gather their gradient here.
            for (var k = 0; k < heads; k++) gradADst[(long)t * heads + k] = 0f;
            for (var e = e0; e < e1; e++)
            {
                var src = aSrc + (long)sources[e] * heads;
                for (var k = 0; k < heads; k++)
                {
                    var i = (long)e * heads + k;
                    var slope = src[k] + dst[k] > 0f ? 1f : NegativeSlope;
                    var d = alpha[i] * (dLogit[i] - weighted[k]) * slope;
                    dLogit[i] = d;
                    gradADst[(long)t * heads + k] += d;
                }
            }
        }
    }

    private static void BackwardSources(GatEdges edges, int heads, int channels, float* gradOut, float* gradH,
        float* gradASrc, float* alpha, float* dLogit, float dropout, ulong seed, int first, int end)
    {
        var width = heads * channels;
        for (var s = first; s < end; s++)
        {
            var row = gradH + (long)s * width;
            var gs = gradASrc + (long)s * heads;
            new Span<float>(row, width).Clear();
            for (var k = 0; k < heads; k++) gs[k] = 0f;
            for (var j = edges.SourceOffsets[s]; j < edges.SourceOffsets[s + 1]; j++)
            {
                var e = edges.SourceEdgeIds[j];
                var gRow = gradOut + (long)edges.EdgeTargets[e] * width;
                for (var k = 0; k < heads; k++)
                {
                    var i = (long)e * heads + k;
                    gs[k] += dLogit[i];
                    var w = alpha[i] * AttentionDropout.Factor(seed, e, k, heads, dropout);
                    if (w != 0f) VectorMath.Axpy(w, gRow + k * channels, row + k * channels, channels);
                }
            }
        }
    }
}
