using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

internal sealed unsafe partial class Avx2EdgeKernels
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void PackTargetLines(int heads, int channels, float* aDst, float* lse, float* output,
        float* gradOut, float* lines, int first, int end)
    {
        const int width = Avx2Rows.Width;
        var stride = TargetLineFloats(heads);
        for (long t = first; t < end; t++)
        {
            var line = lines + t * stride;
            Vector128.Store(Vector128.Load(aDst + t * 4), line);
            Vector128.Store(Vector128.Load(lse + t * 4), line + 4);
            Vector128.Store(FourHeadDots(gradOut + t * width, output + t * width), line + 8);
        }
    }

    /// <summary>
    /// One loop per source: each out-edge's four attention coefficients (one 128-bit exp), dropout factors, gradient
    /// sums and logit gradients are computed where the edge is walked, with the rows of the edge
    /// <see cref="EdgeKernels.PrefetchDistance"/> ahead requested meanwhile. The source's gradient row stays in eight
    /// registers; each gathered gradOut register is loaded once for both its head's dot product and the gradient sum;
    /// the source's own feature row is read from L1 (sixteen registers hold the gradient, the head partials and the
    /// gathered floats, and the row would not fit as well).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: no tier-0 epochs
    protected override void BackwardSources(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* gradOut, float* lines, float* gradH, float* gradASrc, float* dLogit, float dropout, ulong seed,
        int first, int end)
    {
        const int width = Avx2Rows.Width;
        var stride = TargetLineFloats(heads);
        var offsets = edges.SourceOffsets;
        var last = offsets[end];
        var dropped = dropout > 0f;
        fixed (int* targets = edges.SourceTargets, ids = edges.SourceEdgeIds)
            for (long s = first; s < end; s++)
            {
                var srcLogits = Vector128.Load(aSrc + s * heads);
                var hs = h + s * width;
                var gsum = Vector128<float>.Zero;
                Vector256<float> g0 = default, g1 = default, g2 = default, g3 = default, g4 = default, g5 = default,
                    g6 = default, g7 = default;
                for (int j = offsets[s], j1 = offsets[s + 1]; j < j1; j++)
                {
                    if (j + PrefetchDistance < last)
                    {
                        var ahead = targets[j + PrefetchDistance];
                        Prefetch(gradOut + (long)ahead * width, width);
                        Prefetch(lines + (long)ahead * stride, stride);
                    }
                    var t = targets[j];
                    var line = lines + (long)t * stride;
                    var gRow = gradOut + (long)t * width;
                    // alpha = exp(LeakyReLU(aSrc_s + aDst_t) - lse_t) per head; kept = alpha * keep scales gradOut_t.
                    var x = srcLogits + Vector128.Load(line);
                    var alpha = Vector128.Exp(LeakyRelu.Apply(x) - Vector128.Load(line + 4));
                    var keep = dropped ? FourKeepFactors(seed, ids[j], dropout) : Vector128<float>.One;
                    var kept = alpha * keep;
                    // Head by head: two gathered registers feed the gradient sums and the head's dot product.
                    var w = Vector256.Create(kept.ToScalar());
                    var q = Vector256.Load(gRow);
                    var r = Vector256.Load(gRow + 8);
                    g0 = Fma.MultiplyAdd(w, q, g0);
                    g1 = Fma.MultiplyAdd(w, r, g1);
                    var s0 = Fma.MultiplyAdd(r, Vector256.Load(hs + 8), q * Vector256.Load(hs));
                    w = Vector256.Create(kept.GetElement(1));
                    q = Vector256.Load(gRow + 16);
                    r = Vector256.Load(gRow + 24);
                    g2 = Fma.MultiplyAdd(w, q, g2);
                    g3 = Fma.MultiplyAdd(w, r, g3);
                    var s1 = Fma.MultiplyAdd(r, Vector256.Load(hs + 24), q * Vector256.Load(hs + 16));
                    w = Vector256.Create(kept.GetElement(2));
                    q = Vector256.Load(gRow + 32);
                    r = Vector256.Load(gRow + 40);
                    g4 = Fma.MultiplyAdd(w, q, g4);
                    g5 = Fma.MultiplyAdd(w, r, g5);
                    var s2 = Fma.MultiplyAdd(r, Vector256.Load(hs + 40), q * Vector256.Load(hs + 32));
                    w = Vector256.Create(kept.GetElement(3));
                    q = Vector256.Load(gRow + 48);
                    r = Vector256.Load(gRow + 56);
                    g6 = Fma.MultiplyAdd(w, q, g6);
                    g7 = Fma.MultiplyAdd(w, r, g7);
                    var s3 = Fma.MultiplyAdd(r, Vector256.Load(hs + 56), q * Vector256.Load(hs + 48));
                    var d = FourLogitGradients(Avx2Rows.FourHeadSums(s0, s1, s2, s3), alpha, keep, x, line);
                    gsum += d;
                    Vector128.Store(d, dLogit + (long)j * 4);
                }
                Vector128.Store(gsum, gradASrc + s * heads);
                var row = gradH + s * width;
                Vector256.Store(g0, row);
                Vector256.Store(g1, row + 8);
                Vector256.Store(g2, row + 16);
                Vector256.Store(g3, row + 24);
                Vector256.Store(g4, row + 32);
                Vector256.Store(g5, row + 40);
                Vector256.Store(g6, row + 48);
                Vector256.Store(g7, row + 56);
            }
    }

    /// <summary>gradOut_t . out_t per head of a 4 x 16 row.</summary>
    private static Vector128<float> FourHeadDots(float* g, float* o)
    {
        var s0 = Fma.MultiplyAdd(Vector256.Load(g + 8), Vector256.Load(o + 8), Vector256.Load(g) * Vector256.Load(o));
        var s1 = Fma.MultiplyAdd(Vector256.Load(g + 24), Vector256.Load(o + 24), Vector256.Load(g + 16) * Vector256.Load(o + 16));
        var s2 = Fma.MultiplyAdd(Vector256.Load(g + 40), Vector256.Load(o + 40), Vector256.Load(g + 32) * Vector256.Load(o + 32));
        var s3 = Fma.MultiplyAdd(Vector256.Load(g + 56), Vector256.Load(o + 56), Vector256.Load(g + 48) * Vector256.Load(o + 48));
        return Avx2Rows.FourHeadSums(s0, s1, s2, s3);
    }

    /// <summary>One edge's logit gradients alpha * (keep * gradOut_t . h_s - weighted_t) * LeakyReLU'(aSrc_s + aDst_t)
    /// from registers: its four head dot products, coefficients, keep factors (1 without dropout: keep · dots is then
    /// dots exactly) and pre-activation logits, and the target's packed line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> FourLogitGradients(Vector128<float> dots, Vector128<float> alpha,
        Vector128<float> keep, Vector128<float> logits, float* line)
    {
        var slope = Vector128.ConditionalSelect(Vector128.GreaterThan(logits, Vector128<float>.Zero), Vector128<float>.One,
            Vector128.Create(FusedGatKernels.NegativeSlope));
        return alpha * (keep * dots - Vector128.Load(line + 8)) * slope;
    }
}
