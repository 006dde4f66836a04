using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// One kernel path of the fused edge attention over target-sorted CSR edges (<see cref="GatEdges"/>). Per target and
/// head it computes alpha_e = softmax over incoming edges of LeakyReLU(aSrc[src] + aDst[dst]) and
/// out = sum_e alpha_e * d_e * h[src] (d_e the dropout keep factor), without materialising anything of shape
/// [E, H, C]. This class owns what every path shares: the split of rows into chunks, the parallel passes and their
/// buffers. A path supplies the loops over a chunk of rows. Rows are parallel over targets (forward) and over sources
/// (gradient of h), so no two threads write the same row, and every sum runs in a fixed order: the same inputs give the
/// same bits on any number of threads.
/// Layouts (row-major, float32): h [Ns, H, C], aSrc [Ns, H], aDst [Nt, H], out [Nt, H, C], lse [Nt, H].
/// <see cref="KernelPaths.Kernels"/> picks the implementation.
/// </summary>
internal abstract unsafe class EdgeKernels
{
    /// <summary>How many edges ahead the kernels prefetch rows they will gather (16 measured faster than 8 and
    /// 32).</summary>
    protected const int PrefetchDistance = 16;

    /// <summary>The path this implementation is.</summary>
    public abstract KernelPath Path { get; }

    /// <summary>
    /// Forward pass. Writes out [Nt, H, C] and the per-(target, head) log-sum-exp of the logits lse [Nt, H] (0 for
    /// targets without edges, whose output row is zero).
    /// </summary>
    public void Forward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst, float* output,
        float* lse, float dropout, ulong seed)
    {
        nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, op = (nint)output, lp = (nint)lse;
        var bounds = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
        Parallel.For(0, bounds.Length - 1, k =>
            ForwardTargets(edges, heads, channels, (float*)hp, (float*)asp, (float*)adp, (float*)op, (float*)lp, dropout,
                seed, bounds[k], bounds[k + 1]));
    }

    /// <summary>
    /// Backward pass of <see cref="Forward"/>. Given gradOut [Nt, H, C] and the forward's output [Nt, H, C] and lse
    /// [Nt, H] it writes gradH [Ns, H, C], gradASrc [Ns, H] and gradADst [Nt, H] (all overwritten).
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
    public void Backward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst, float* lse,
        float* output, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout, ulong seed)
    {
        // Pooled, not freshly allocated: on a VM the first touches of fresh pages cost more than the pass itself.
        var lineBuffer = ArrayPool<float>.Shared.Rent(edges.TargetCount * TargetLineFloats(heads) + 16);
        var dLogitBuffer = ArrayPool<float>.Shared.Rent(edges.EdgeCount * heads + 1);
        try
        {
            fixed (float* lineBase = lineBuffer, dLogit = dLogitBuffer)
                // Aligned to 64 bytes, so a target's packed line is one cache line when it fits in one (H <= 5).
                BackwardPasses(edges, heads, channels, h, aSrc, aDst, lse, output, gradOut, gradH, gradASrc, gradADst,
                    dropout, seed, (float*)(((nint)lineBase + 63) & ~(nint)63), dLogit);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(lineBuffer);
            ArrayPool<float>.Shared.Return(dLogitBuffer);
        }
    }

    /// <summary>The forward pass over targets first .. end-1.</summary>
    protected abstract void ForwardTargets(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* aDst, float* output, float* lse, float dropout, ulong seed, int first, int end);

    /// <summary>Per target t in [first, end): line[t] = (aDst[t, :], lse[t, :], weighted[t, :]) with
    /// weighted = gradOut_t . out_t per head, each line <see cref="TargetLineFloats"/> floats apart.</summary>
    protected abstract void PackTargetLines(int heads, int channels, float* aDst, float* lse, float* output,
        float* gradOut, float* lines, int first, int end);

    /// <summary>
    /// The backward walk over sources first .. end-1: per out-edge s -> t and head, alpha = exp(LeakyReLU(aSrc_s +
    /// aDst_t) - lse_t), dL/dalpha = keep * gradOut_t . h_s, and the logit gradient d = alpha * (dL/dalpha -
    /// weighted_t) * slope; gradH_s gathers keep * alpha * gradOut_t, gradASrc_s gathers d, and d is stored at the edge's
    /// source-order slot j of dLogit [E, H].
    /// </summary>
    protected abstract void BackwardSources(GatEdges edges, int heads, int channels, float* h, float* aSrc,
        float* gradOut, float* lines, float* gradH, float* gradASrc, float* dLogit, float dropout, ulong seed,
        int first, int end);

    /// <summary>Floats per packed target line: aDst, lse and gradOut . out per head, padded to whole cache
    /// lines.</summary>
    protected static int TargetLineFloats(int heads) => (3 * heads + 15) / 16 * 16;

    /// <summary>The largest in- or out-degree of rows first .. end-1 (sizes per-row scratch).</summary>
    protected static int MaxDegree(int[] offsets, int first, int end)
    {
        var max = 0;
        for (var t = first; t < end; t++) max = Math.Max(max, offsets[t + 1] - offsets[t]);
        return max;
    }

    /// <summary>Asks for a row's cache lines ahead of use; the gather of random source rows is latency-bound.</summary>
    protected static void Prefetch(float* row, int width)
    {
        if (!Sse.IsSupported) return;
        for (var i = 0; i < width; i += 16) Sse.Prefetch0(row + i);
    }

    /// <summary>The three passes of <see cref="Backward"/>: pack target lines, walk sources, gather gradADst.</summary>
    private void BackwardPasses(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* output, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout,
        ulong seed, float* lines, float* dLogit)
    {
        nint hp = (nint)h, asp = (nint)aSrc, adp = (nint)aDst, lp = (nint)lse, op = (nint)output, gp = (nint)gradOut,
            ghp = (nint)gradH, gsp = (nint)gradASrc, gdp = (nint)gradADst, linep = (nint)lines, dlp = (nint)dLogit;
        var targets = WorkChunks.Split(edges.TargetOffsets, edges.TargetCount);
        Parallel.For(0, targets.Length - 1, k =>
            PackTargetLines(heads, channels, (float*)adp, (float*)lp, (float*)op, (float*)gp, (float*)linep,
                targets[k], targets[k + 1]));
        var sources = WorkChunks.Split(edges.SourceOffsets, edges.SourceCount);
        Parallel.For(0, sources.Length - 1, k =>
            BackwardSources(edges, heads, channels, (float*)hp, (float*)asp, (float*)gp, (float*)linep, (float*)ghp,
                (float*)gsp, (float*)dlp, dropout, seed, sources[k], sources[k + 1]));
        Parallel.For(0, targets.Length - 1, k =>
            GatherTargetGradients(edges, heads, (float*)dlp, (float*)gdp, targets[k], targets[k + 1]));
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
