using System.Buffers;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace GraphAttn.Model.Attention;

/// <summary>
/// x [N, F] · w [F, K] for a narrow w (K a few columns: the logit halves' folded attention vectors, K = H or 2H), as a
/// custom autograd function with C# kernels. libtorch's matrix product handles such thin shapes poorly: one product's
/// forward and backward cost about as much as the full 64 × 64 projection, though it needs to read x only once
/// (`gat-parts` in tests/GraphAttn.Model.Benchmarks/README.md). Gradients: dx = g · wᵀ, dw = xᵀ · g, the latter summed over fixed row chunks in a fixed order,
/// so the bits do not depend on the thread count.
/// </summary>
public sealed class NarrowProjection : SingleTensorFunction<NarrowProjection>
{
    // Fixed, not per core: the chunking decides dw's summation order.
    private const int Chunks = 64;

    /// <summary>
    /// Rows from which the fused layer uses this product. Below it libtorch's matmul is faster: a custom autograd
    /// call's fixed cost made an online embedding (a few dozen rows) slower.
    /// </summary>
    public const int MinRows = 4096;

    /// <inheritdoc />
    public override string Name => nameof(NarrowProjection);

    /// <summary>y [N, K] = x · w.</summary>
    public override unsafe Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (x, w) = Unpack(vars);
        int n = (int)x.shape[0], f = (int)x.shape[1], k = (int)w.shape[1];
        using var wt = w.detach().t().contiguous(); // [K, F]: each output is a dot of two contiguous rows
        var y = empty(n, k);
        nint xp = (nint)TensorPointers.Of(x), wp = (nint)TensorPointers.Of(wt), yp = (nint)TensorPointers.Of(y);
        ForChunks((long)n * f * k, c =>
        {
            var (first, end) = ChunkRows(c, n);
            Rows((float*)xp, (float*)wp, (float*)yp, f, k, first, end);
        });
        ctx.save_for_backward([x, w]);
        return y;
    }

    /// <summary>dx = g · wᵀ, dw = xᵀ · g.</summary>
    public override unsafe List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var saved = ctx.get_saved_variables();
        Tensor x = saved[0], w = saved[1];
        int n = (int)x.shape[0], f = (int)x.shape[1], k = (int)w.shape[1];
        using var g = gradOutput.contiguous();
        using var wt = w.detach().t().contiguous(); // [K, F]
        var gradX = empty(n, f);
        var partials = ArrayPool<float>.Shared.Rent(Chunks * k * f);
        try
        {
            fixed (float* pp = partials)
            {
                nint xp = (nint)TensorPointers.Of(x), wp = (nint)TensorPointers.Of(wt), gp = (nint)TensorPointers.Of(g),
                    dxp = (nint)TensorPointers.Of(gradX), partp = (nint)pp;
                ForChunks((long)n * f * k, c =>
                {
                    var (first, end) = ChunkRows(c, n);
                    RowGradients((float*)xp, (float*)wp, (float*)gp, (float*)dxp, (float*)partp + (long)c * k * f, f, k,
                        first, end);
                });
            }
            // dw [F, K] = sum over chunks, in chunk order, of the [K, F] partials, transposed.
            var gradW = new float[f * k];
            for (var c = 0; c < Chunks; c++)
                for (var j = 0; j < k; j++)
                    for (var i = 0; i < f; i++)
                        gradW[i * k + j] += partials[(c * k + j) * f + i];
            foreach (var t in saved) t.Dispose();
            return [gradX, tensor(gradW).view(f, k)];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(partials);
        }
    }

    // Small products (an online embedding's few rows at request time) stay on the calling thread: handing 64 chunks
    // to the thread pool would cost more than the arithmetic. The chunks, and so the bits, are the same either way.
    private static void ForChunks(long work, Action<int> chunk)
    {
        if (work < 1 << 18)
            for (var c = 0; c < Chunks; c++) chunk(c);
        else
            Parallel.For(0, Chunks, chunk);
    }

    private static (int First, int End) ChunkRows(int chunk, int rows)
    {
        var per = (rows + Chunks - 1) / Chunks;
        var first = Math.Min(rows, chunk * per);
        return (first, Math.Min(rows, first + per));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Rows(float* x, float* wt, float* y, int f, int k, int first, int end)
    {
        for (long r = first; r < end; r++)
            for (var j = 0; j < k; j++)
                y[r * k + j] = KernelMath.Dot(x + r * f, wt + (long)j * f, f);
    }

    // Rows first .. end-1: dx_r = sum_j g[r, j] wt_j; the chunk's dw partial [K, F] gathers g[r, j] x_r.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RowGradients(float* x, float* wt, float* g, float* dx, float* partial, int f, int k,
        int first, int end)
    {
        new Span<float>(partial, k * f).Clear();
        for (long r = first; r < end; r++)
        {
            var row = dx + r * f;
            new Span<float>(row, f).Clear();
            for (var j = 0; j < k; j++)
            {
                var gj = g[r * k + j];
                KernelMath.Axpy(gj, wt + (long)j * f, row, f);
                KernelMath.Axpy(gj, x + r * f, partial + (long)j * f, f);
            }
        }
    }

    private static (Tensor X, Tensor W) Unpack(object[] vars)
    {
        if (vars is not [Tensor x, Tensor w])
            throw new ArgumentException("expected (x [N, F], w [F, K])");
        if (x.dim() != 2 || w.dim() != 2 || x.shape[1] != w.shape[0])
            throw new ArgumentException($"shapes x [{string.Join(",", x.shape)}] and w [{string.Join(",", w.shape)}] do not multiply");
        return (x.contiguous(), w);
    }
}
