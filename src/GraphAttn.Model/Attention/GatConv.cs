using GraphAttn.Model.Modeling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Graph attention layer with the semantics of PyG's <c>GATConv</c> (Velickovic et al., "Graph Attention Networks"):
/// out_i = || or mean over heads of sum_{j in N(i)} alpha_ij W x_j, with
/// alpha_ij = softmax_j(LeakyReLU_0.2(a_src . W x_j + a_dst . W x_i)) over the incoming edges of i (self-loops come
/// from <see cref="GatEdges.FromPairs"/>), dropout on alpha in training, then bias and an optional residual.
/// Bipartite use (sources and targets are different node types) gives targets their own projection.
/// Shapes: xSrc [Ns, Fsrc], xDst [Nt, Fdst] -> [Nt, H*C] (concat) or [Nt, C] (mean).
/// </summary>
public sealed class GatConv : nn.Module<Tensor, Tensor, GatEdges, Tensor>
{
    private readonly Linear lin_src;
    private readonly Linear? lin_dst;
    private readonly Parameter att_src;
    private readonly Parameter att_dst;
    private readonly Parameter? bias;
    private readonly Linear? res;
    private readonly int heads, channels;
    private readonly bool concat;
    private readonly float dropout;
    private readonly ulong seed;
    private ulong calls;

    /// <summary>Creates the layer.</summary>
    /// <param name="name">Module name.</param>
    /// <param name="sourceFeatures">Fsrc.</param>
    /// <param name="targetFeatures">Fdst; null = homogeneous (targets share the source projection).</param>
    /// <param name="heads">H (default 4).</param>
    /// <param name="channels">C per head (default 16).</param>
    /// <param name="concat">Concatenate heads (true, default) or average them.</param>
    /// <param name="dropout">Attention dropout probability in training (default 0).</param>
    /// <param name="bias">Add a learned bias (default true).</param>
    /// <param name="residual">Add a linear projection of xDst (default false).</param>
    /// <param name="seed">Seed of the dropout mask sequence.</param>
    public GatConv(string name, int sourceFeatures, int? targetFeatures = null, int heads = 4, int channels = 16,
        bool concat = true, float dropout = 0f, bool bias = true, bool residual = false, ulong seed = 0) : base(name)
    {
        if (sourceFeatures <= 0 || heads <= 0 || channels <= 0 || dropout is < 0f or >= 1f)
            throw new ArgumentException($"bad GatConv sizes: in {sourceFeatures}, heads {heads}, channels {channels}, dropout {dropout}");
        (this.heads, this.channels, this.concat, this.dropout, this.seed) = (heads, channels, concat, dropout, seed);
        lin_src = nn.Linear(sourceFeatures, heads * channels, hasBias: false);
        if (targetFeatures is int f) lin_dst = nn.Linear(f, heads * channels, hasBias: false);
        att_src = new Parameter(nn.init.xavier_uniform_(empty(1, heads, channels)));
        att_dst = new Parameter(nn.init.xavier_uniform_(empty(1, heads, channels)));
        var outWidth = concat ? heads * channels : channels;
        if (bias) this.bias = new Parameter(zeros(outWidth));
        if (residual) res = nn.Linear(targetFeatures ?? sourceFeatures, outWidth, hasBias: false);
        RegisterComponents();
    }

    /// <summary>Which implementation computes the edge attention (default fused).</summary>
    public GatImplementation Implementation { get; set; } = GatImplementation.Fused;

    /// <summary>Which path the fused kernels take (default <see cref="Attention.KernelPath.Auto"/>, the fastest this
    /// machine has); tests and benchmarks pin one to compare them.</summary>
    public KernelPath KernelPath { get; set; } = KernelPath.Auto;

    /// <summary>Output width: H*C when concatenating, else C.</summary>
    public int OutputWidth => concat ? heads * channels : channels;

    /// <inheritdoc />
    public override Tensor forward(Tensor xSrc, Tensor xDst, GatEdges edges)
    {
        // 1. project sources to H heads of C channels.
        var hSrc = lin_src.forward(xSrc).view(-1, heads, channels).contiguous(); // [Ns, H, C]
        // 2. per-node halves of the attention logits.
        var (aSrc, aDst) = LogitHalves(xSrc, xDst);
        // 3. edge softmax and aggregation.
        var p = training ? dropout : 0f;
        var step = training ? seed + 0x5851F42D4C957F2DUL * ++calls : 0UL;
        var output = Implementation == GatImplementation.Fused
            ? FusedEdgeAttention.apply(hSrc, aSrc, aDst, edges, p, step, KernelPath)
            : ReferenceEdgeAttention.Apply(hSrc, aSrc, aDst, edges, p, step).Output; // [Nt, H, C]
        // 4. combine heads, then residual and bias.
        output = concat ? output.reshape(edges.TargetCount, heads * channels) : output.mean([1]);
        if (res is not null) output = output.Plus(res.forward(xDst));
        if (bias is not null) output = output.Plus(bias);
        return output;
    }

    /// <summary>Restarts the dropout mask sequence, so a second run draws the masks of the first (tests).</summary>
    internal void ResetDropoutSequence() => calls = 0;

    /// <summary>Attention coefficients alpha [E, H] (no dropout) for the given inputs, for explanations.</summary>
    public float[] AttentionCoefficients(Tensor xSrc, Tensor xDst, GatEdges edges)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (aSrc, aDst) = LogitHalves(xSrc, xDst);
        return FusedGatKernels.Coefficients(edges, heads, aSrc.data<float>().ToArray(), aDst.data<float>().ToArray());
    }

    /// <summary>
    /// aSrc [Ns, H] = per head att_src . (W x_src), and aDst [Nt, H] likewise with att_dst and the target projection
    /// (the source projection for a homogeneous layer, whose targets are its sources). Computed as x . (att folded
    /// into W), an [F, H] matrix, instead of from the [N, H, C] projection: the same sums in another order, without
    /// two [N, H, C] temporaries and their backward passes. The reference multiplies with libtorch; the fused layer
    /// with <see cref="NarrowProjection"/> from <see cref="NarrowProjection.MinRows"/> rows on.
    /// </summary>
    private (Tensor ASrc, Tensor ADst) LogitHalves(Tensor xSrc, Tensor xDst)
    {
        // The fused layer on many rows: the C# narrow product (libtorch's is slow for H columns); a homogeneous layer
        // reads x once for both halves. On few rows (an online embedding) libtorch's call overhead is the smaller one.
        if (Implementation == GatImplementation.Fused && xSrc.shape[0] >= NarrowProjection.MinRows)
        {
            if (lin_dst is null)
            {
                var both = NarrowProjection.apply(xSrc, cat([Folded(lin_src, att_src), Folded(lin_src, att_dst)], 1)); // [N, 2H]
                return (both.narrow(1, 0, heads).contiguous(), both.narrow(1, heads, heads).contiguous());
            }
            if (xDst.shape[0] >= NarrowProjection.MinRows)
                return (NarrowProjection.apply(xSrc, Folded(lin_src, att_src)), NarrowProjection.apply(xDst, Folded(lin_dst, att_dst)));
        }
        var aSrc = xSrc.matmul(Folded(lin_src, att_src)); // [Ns, H]
        var aDst = lin_dst is null ? xSrc.matmul(Folded(lin_src, att_dst)) : xDst.matmul(Folded(lin_dst, att_dst)); // [Nt, H]
        return (aSrc.contiguous(), aDst.contiguous());
    }

    /// <summary>[F, H]: sum over channels c of W[h * C + c, f] * att[h, c].</summary>
    private Tensor Folded(Linear projection, Parameter att) =>
        (projection.weight!.view(heads, channels, -1) * att.view(heads, channels, 1)).sum(1).t();
}
