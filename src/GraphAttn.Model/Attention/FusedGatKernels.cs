namespace GraphAttn.Model.Attention;

/// <summary>
/// The fused edge-attention kernels' public entry points over raw float32 rows: per target and head
/// alpha_e = softmax over incoming edges of LeakyReLU(aSrc[src] + aDst[dst]) and out = sum_e alpha_e * d_e * h[src],
/// computed over target-sorted CSR edges (<see cref="GatEdges"/>) without materialising anything of shape [E, H, C].
/// Layouts (row-major): h [Ns, H, C], aSrc [Ns, H], aDst [Nt, H], out [Nt, H, C], lse [Nt, H].
/// <see cref="FusedEdgeAttention"/> wraps them as a custom autograd function; benchmarks call them directly. The work is
/// done by the kernel path <see cref="KernelPaths"/> picks (<see cref="KernelPath"/>).
/// </summary>
public static unsafe class FusedGatKernels
{
    /// <summary>LeakyReLU slope used by GAT (PyG default 0.2).</summary>
    public const float NegativeSlope = 0.2f;

    /// <summary>
    /// Forward pass. Writes out and the per-(target, head) log-sum-exp of the logits (0 for targets without edges,
    /// whose output row is zero).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> cannot run on this machine or layout.</exception>
    public static void Forward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* output, float* lse, float dropout, ulong seed, KernelPath path = KernelPath.Auto) =>
        KernelPaths.Kernels(path, heads, channels)
            .Forward(edges, heads, channels, h, aSrc, aDst, output, lse, dropout, seed);

    /// <summary>
    /// Backward pass of <see cref="Forward"/>. Given gradOut [Nt, H, C] and the forward's output [Nt, H, C] and lse
    /// [Nt, H] it writes gradH [Ns, H, C], gradASrc [Ns, H] and gradADst [Nt, H] (all overwritten).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> cannot run on this machine or layout.</exception>
    public static void Backward(GatEdges edges, int heads, int channels, float* h, float* aSrc, float* aDst,
        float* lse, float* output, float* gradOut, float* gradH, float* gradASrc, float* gradADst, float dropout,
        ulong seed, KernelPath path = KernelPath.Auto) =>
        KernelPaths.Kernels(path, heads, channels).Backward(edges, heads, channels, h, aSrc, aDst, lse, output, gradOut,
            gradH, gradASrc, gradADst, dropout, seed);

    /// <summary>Attention coefficients alpha [E, H] (before dropout, edges in target order), e.g. for explanations and
    /// tests.</summary>
    public static float[] Coefficients(GatEdges edges, int heads, ReadOnlySpan<float> aSrc, ReadOnlySpan<float> aDst)
    {
        var alpha = new float[(long)edges.EdgeCount * heads];
        var max = new float[heads];
        var sum = new float[heads];
        for (var t = 0; t < edges.TargetCount; t++)
        {
            int e0 = edges.TargetOffsets[t], e1 = edges.TargetOffsets[t + 1];
            Array.Fill(max, float.NegativeInfinity);
            Array.Clear(sum);
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++)
                    max[k] = MathF.Max(max[k], LeakyRelu.Apply(aSrc[edges.Sources[e] * heads + k] + aDst[t * heads + k]));
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++)
                    sum[k] += alpha[(long)e * heads + k] =
                        MathF.Exp(LeakyRelu.Apply(aSrc[edges.Sources[e] * heads + k] + aDst[t * heads + k]) - max[k]);
            for (var e = e0; e < e1; e++)
                for (var k = 0; k < heads; k++) alpha[(long)e * heads + k] /= sum[k];
        }
        return alpha;
    }
}
