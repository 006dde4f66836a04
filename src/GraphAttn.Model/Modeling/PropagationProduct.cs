using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// apply(table [N, D], <see cref="PropagationEdges"/> A) -> A · table [T, D], as a custom autograd function with C#
/// kernels: row t is Σ_e w_e table[s_e] over its edges in order. Why not index_select, multiply and index_add: that
/// materialises one [D] row per edge, twice, plus its gradient: on the 100k-user benchmark graph (5M pairs) about
/// 1.3 GB per tensor and hop, every mini-batch step. Here the only memory is the output. The backward pass is
/// Aᵀ · g over <see cref="PropagationEdges.Transposed"/>. Each output row is summed by one thread in the edges' order
/// (a product, then an add: no fused multiply-add), so the bits do not depend on the thread count and equal those of
/// the index_add formulation.
/// </summary>
internal sealed class PropagationProduct : SingleTensorFunction<PropagationProduct>
{
    // Below this many multiply-adds the rows stay on the calling thread (a request-time block has a few dozen).
    private const long ParallelWork = 1 << 18;

    // Edges ahead whose source rows are prefetched (as in the GAT kernels).
    private const int PrefetchDistance = 8;

    /// <inheritdoc />
    public override string Name => nameof(PropagationProduct);

    /// <summary>A · table.</summary>
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (table, edges) = Unpack(vars);
        ctx.save_data("edges", edges);
        ctx.save_data("rows", table.shape[0]);
        using var source = table.detach().contiguous();
        return Multiply(edges, source);
    }

    /// <summary>Aᵀ · g; no gradient for the edges.</summary>
    public override List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var edges = (PropagationEdges)ctx.get_data("edges");
        var rows = (long)ctx.get_data("rows");
        using var grad = gradOutput.contiguous();
        var transposed = edges.Transposed;
        var gradTable = Multiply(transposed, grad);
        if (rows > transposed.TargetCount) // sources past the largest degree-array index receive nothing
            gradTable = cat([gradTable, zeros(rows - transposed.TargetCount, grad.shape[1])], 0);
        return [gradTable, null!];
    }

    /// <summary>[edges.TargetCount, D] = edges · x for a contiguous float32 x with at least SourceCount rows.</summary>
    private static unsafe Tensor Multiply(PropagationEdges edges, Tensor x)
    {
        var width = (int)x.shape[1];
        var result = zeros(edges.TargetCount, width);
        if (edges.EdgeCount == 0 || width == 0) return result;
        nint xp = (nint)TensorPointers.Of(x), yp = (nint)TensorPointers.Of(result);
        if ((long)edges.EdgeCount * width < ParallelWork)
            Rows(edges, (float*)xp, (float*)yp, width, 0, edges.TargetCount);
        else
            Parallel.ForEach(Partitioner.Create(0, edges.TargetCount, Math.Max(256, edges.TargetCount / 256)),
                range => Rows(edges, (float*)xp, (float*)yp, width, range.Item1, range.Item2));
        return result;
    }

    // y[t] = Σ w_e x[s_e] over t's edges. Rows of 64 floats (the model's width) are summed in four 512-bit registers,
    // 64 columns at a time, with the sources' rows prefetched a few edges ahead: the gathers are random over tables of
    // tens of MB. Other widths add into the zeroed output row. Both add the rounded products in edge order, no FMA.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows(PropagationEdges edges, float* x, float* y, int width, int first, int end)
    {
        int[] offsets = edges.Offsets, sources = edges.Sources;
        var weights = edges.Weights;
        if (Vector512.IsHardwareAccelerated && width % 64 == 0)
        {
            for (var t = first; t < end; t++)
                for (var block = 0; block < width; block += 64)
                    Block64(sources, weights, offsets[t], offsets[t + 1], x + block, y + (long)t * width + block, width);
            return;
        }
        for (var t = first; t < end; t++)
        {
            var row = y + (long)t * width;
            for (var e = offsets[t]; e < offsets[t + 1]; e++)
                KernelMath.Axpy(weights[e], x + (long)sources[e] * width, row, width);
        }
    }

    // 64 columns of one output row over edges first .. end-1; x and y point at the block's first column.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Block64(int[] sources, float[] weights, int first, int end, float* x, float* y, int width)
    {
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (var e = first; e < end; e++)
        {
            if (e + PrefetchDistance < end && Sse.IsSupported)
            {
                var ahead = x + (long)sources[e + PrefetchDistance] * width;
                Sse.Prefetch0(ahead);
                Sse.Prefetch0(ahead + 16);
                Sse.Prefetch0(ahead + 32);
                Sse.Prefetch0(ahead + 48);
            }
            var w = Vector512.Create(weights[e]);
            var row = x + (long)sources[e] * width;
            a0 += w * Vector512.Load(row);
            a1 += w * Vector512.Load(row + 16);
            a2 += w * Vector512.Load(row + 32);
            a3 += w * Vector512.Load(row + 48);
        }
        Vector512.Store(a0, y);
        Vector512.Store(a1, y + 16);
        Vector512.Store(a2, y + 32);
        Vector512.Store(a3, y + 48);
    }

    private static (Tensor Table, PropagationEdges Edges) Unpack(object[] vars)
    {
        if (vars is not [Tensor table, PropagationEdges edges])
            throw new ArgumentException("expected (table [N, D], PropagationEdges)");
        if (table.dim() != 2 || table.shape[0] < edges.SourceCount)
            throw new ArgumentException(
                $"the table [{string.Join(",", table.shape)}] needs at least {edges.SourceCount} rows of the propagation graph");
        return (table, edges);
    }
}
