using static TorchSharp.torch;
using static TorchSharp.torch.autograd;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Custom autograd function over the fused edge-attention kernels (<see cref="FusedGatKernels"/>): apply(h [Ns,H,C],
/// aSrc [Ns,H], aDst [Nt,H], GatEdges, dropout p (float), seed (ulong), KernelPath) -> out [Nt,H,C]. Gradients flow to
/// h, aSrc and aDst; the backward pass runs on the kernels the forward pass ran on.
/// </summary>
public sealed class FusedEdgeAttention : SingleTensorFunction<FusedEdgeAttention>
{
    /// <inheritdoc />
    public override string Name => nameof(FusedEdgeAttention);

    /// <summary>Runs the fused forward pass and records what the backward pass needs.</summary>
    public override unsafe Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (h, aSrc, aDst, edges, dropout, seed, path) = Unpack(vars);
        int heads = (int)h.shape[1], channels = (int)h.shape[2];
        var output = empty(edges.TargetCount, heads, channels); // [Nt, H, C]
        var lse = empty(edges.TargetCount, heads); // [Nt, H]
        var kernels = KernelPaths.Kernels(path, heads, channels);
        kernels.Forward(edges, heads, channels, TensorPointers.Of(h), TensorPointers.Of(aSrc), TensorPointers.Of(aDst),
            TensorPointers.Of(output), TensorPointers.Of(lse), dropout, seed);
        ctx.save_for_backward([h, aSrc, aDst, lse, output]);
        ctx.save_data("edges", edges);
        ctx.save_data("dropout", dropout);
        ctx.save_data("seed", seed);
        ctx.save_data("kernels", kernels);
        return output;
    }

    /// <summary>Runs the fused backward pass.</summary>
    public override unsafe List<Tensor> backward(AutogradContext ctx, Tensor gradOutput)
    {
        var saved = ctx.get_saved_variables();
        Tensor h = saved[0], aSrc = saved[1], aDst = saved[2], lse = saved[3], output = saved[4];
        var edges = (GatEdges)ctx.get_data("edges");
        var dropout = (float)ctx.get_data("dropout");
        var seed = (ulong)ctx.get_data("seed");
        var kernels = (EdgeKernels)ctx.get_data("kernels");
        int heads = (int)h.shape[1], channels = (int)h.shape[2];
        using var grad = gradOutput.contiguous();
        var gradH = empty_like(h);
        var gradASrc = empty_like(aSrc);
        var gradADst = empty_like(aDst);
        kernels.Backward(edges, heads, channels, TensorPointers.Of(h), TensorPointers.Of(aSrc), TensorPointers.Of(aDst),
            TensorPointers.Of(lse), TensorPointers.Of(output), TensorPointers.Of(grad), TensorPointers.Of(gradH),
            TensorPointers.Of(gradASrc), TensorPointers.Of(gradADst), dropout, seed);
        foreach (var t in saved) t.Dispose();
        return [gradH, gradASrc, gradADst, null!, null!, null!, null!];
    }

    private static (Tensor H, Tensor ASrc, Tensor ADst, GatEdges Edges, float Dropout, ulong Seed, KernelPath Path)
        Unpack(object[] vars)
    {
        if (vars is not [Tensor h, Tensor aSrc, Tensor aDst, GatEdges edges, float dropout, ulong seed, KernelPath path])
            throw new ArgumentException("expected (h, aSrc, aDst, GatEdges, float dropout, ulong seed, KernelPath)");
        if (h.dim() != 3 || h.shape[0] != edges.SourceCount || aSrc.dim() != 2 || aSrc.shape[0] != edges.SourceCount
            || aSrc.shape[1] != h.shape[1] || aDst.dim() != 2 || aDst.shape[0] != edges.TargetCount || aDst.shape[1] != h.shape[1])
            throw new ArgumentException(
                $"shapes h [{string.Join(",", h.shape)}], aSrc [{string.Join(",", aSrc.shape)}], aDst [{string.Join(",", aDst.shape)}] " +
                $"do not fit {edges.SourceCount} sources x {edges.TargetCount} targets");
        return (h, aSrc, aDst, edges, dropout, seed, path);
    }
}
