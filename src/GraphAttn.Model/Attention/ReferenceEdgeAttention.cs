using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Attention;

/// <summary>
/// The oracle: the same edge attention as <see cref="FusedEdgeAttention"/>, written with plain TorchSharp tensor
/// operations (index_select onto edges, exp, index_add), so autograd derives its gradients. It materialises
/// [E, H, C] and is slow on large graphs; tests compare the fused kernels against it.
/// </summary>
public static class ReferenceEdgeAttention
{
    /// <summary>
    /// out [Nt, H, C] = sum over incoming edges of alpha * dropout * h[src]; also returns alpha [E, H] (before dropout).
    /// Inputs: h [Ns, H, C], aSrc [Ns, H], aDst [Nt, H].
    /// </summary>
    public static (Tensor Output, Tensor Alpha) Apply(Tensor h, Tensor aSrc, Tensor aDst, GatEdges edges, float dropout,
        ulong seed)
    {
        long heads = h.shape[1], channels = h.shape[2];
        using var scope = NewDisposeScope();
        var src = tensor(edges.Sources.Select(s => (long)s).ToArray());
        var dst = tensor(edges.EdgeTargets.Select(t => (long)t).ToArray());
        // 1. logits per edge and head.
        var logits = (aSrc.index_select(0, src) + aDst.index_select(0, dst)).leaky_relu(Scalars.Of(FusedGatKernels.NegativeSlope)); // [E, H]
        // 2. stable edge softmax: subtract a per-target maximum (a constant, so detached).
        var shift = tensor(TargetMax(logits.detach().data<float>().ToArray(), edges, (int)heads))
            .view(edges.TargetCount, heads).index_select(0, dst); // [E, H]
        var weights = (logits - shift).exp();
        var sums = zeros(edges.TargetCount, heads).index_add(0, dst, weights, Scalars.One); // [Nt, H]
        var alpha = weights / sums.index_select(0, dst); // [E, H]
        // 3. dropout mask shared with the fused kernels, then aggregate the weighted source rows.
        var kept = dropout > 0 ? alpha * tensor(Mask(edges.EdgeCount, (int)heads, dropout, seed)).view(-1, heads) : alpha;
        var messages = h.index_select(0, src) * kept.unsqueeze(-1); // [E, H, C]
        var output = zeros(edges.TargetCount, heads, channels).index_add(0, dst, messages, Scalars.One); // [Nt, H, C]
        return (output.MoveToOuterDisposeScope(), alpha.MoveToOuterDisposeScope());
    }

    private static float[] TargetMax(float[] logits, GatEdges edges, int heads)
    {
        var max = new float[edges.TargetCount * heads];
        for (var t = 0; t < edges.TargetCount; t++)
            for (var k = 0; k < heads; k++)
            {
                var m = float.NegativeInfinity;
                for (var e = edges.TargetOffsets[t]; e < edges.TargetOffsets[t + 1]; e++) m = MathF.Max(m, logits[e * heads + k]);
                max[t * heads + k] = float.IsNegativeInfinity(m) ? 0f : m;
            }
        return max;
    }

    private static float[] Mask(int edgeCount, int heads, float dropout, ulong seed)
    {
        var mask = new float[edgeCount * heads];
        for (var e = 0; e < edgeCount; e++)
            for (var k = 0; k < heads; k++) mask[e * heads + k] = AttentionDropout.Factor(seed, e, k, heads, dropout);
        return mask;
    }
}
