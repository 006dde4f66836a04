using GraphAttn.Model.Modeling;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Attention;

/// <summary>
/// The graph attentional operator of Veličković et al., "Graph Attention Networks" (ICLR 2018,
/// <see href="https://arxiv.org/abs/1710.10903"/>), with the semantics of PyG's <c>GATConv</c>: the original GAT
/// scoring (LeakyReLU of the sum of a source and a target term), not GATv2's. Per head k of H, each of C channels:
/// <code>
/// e_ij^k     = LeakyReLU_0.2(a_s^k . W_s x_j + a_t^k . W_t x_i)
/// alpha_ij^k = exp(e_ij^k) / sum over l in N(i) of exp(e_il^k)
/// x'_i^k     = sum over j in N(i) of alpha_ij^k W_s x_j
/// out_i      = (x'_i^1 || ... || x'_i^H)  or  mean_k x'_i^k,   then + R x_i (residual), + b (bias)
/// </code>
/// N(i) are the sources of the edges into target i, duplicates included; a target without in-edges aggregates to a
/// zero row (its output is the residual plus the bias). A self-loop is in N(i) only when the edges hold one:
/// <see cref="GatEdges.FromPairs"/> with <c>addSelfLoops: true</c> adds exactly one per node, as PyG's
/// <c>add_self_loops=True</c> does. W_s projects sources; W_t projects targets in a bipartite layer
/// (<c>targetFeatures</c> given, sources and targets of different node types), else W_t = W_s. The slope 0.2 is fixed
/// (<see cref="FusedGatKernels.NegativeSlope"/>). In training, attention dropout zeroes each alpha_ij^k with
/// probability <c>dropout</c> and scales the kept ones by 1/(1 - dropout), from a mask drawn by
/// <see cref="AttentionDropout"/>. The projections W_s, W_t and R have no bias; a and b are parameters
/// (a Xavier-uniform, b zeros). PyG's <c>negative_slope</c>, <c>add_self_loops</c>, <c>edge_dim</c> and
/// <c>fill_value</c> have no counterpart: the slope is fixed, self-loops come with the edges, and edges carry no
/// features.
/// <para>Shapes:</para>
/// <list type="bullet">
/// <item><description>input: source features xSrc [Ns, F_src], target features xDst [Nt, F_dst] (a homogeneous layer
/// takes x [N, F_in] as both, and uses xDst only for the residual), edges as <see cref="GatEdges"/>: E edges sorted by
/// target, built from (source, target) pairs, i.e. PyG's edge_index [2, E];</description></item>
/// <item><description>output: [Nt, H*C] with <c>concat</c>, [Nt, C] without (heads averaged);</description></item>
/// <item><description>attention coefficients (<see cref="AttentionCoefficients"/>): [E, H] row-major, edges in
/// <see cref="GatEdges"/> order, before dropout.</description></item>
/// </list>
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
    /// <param name="sourceFeatures">F_src, the width of xSrc (no default).</param>
    /// <param name="targetFeatures">F_dst, the width of xDst, for a bipartite layer with its own target projection
    /// W_t (default null: homogeneous, W_t = W_s and xDst has F_src columns).</param>
    /// <param name="heads">H, attention heads (default 4).</param>
    /// <param name="channels">C, channels per head (default 16).</param>
    /// <param name="concat">Concatenate the heads into H*C columns (default true) or average them into C.</param>
    /// <param name="dropout">Attention dropout probability in training, in [0, 1) (default 0).</param>
    /// <param name="bias">Add a learned bias b of the output width (default true).</param>
    /// <param name="residual">Add R xDst, a learned projection of the target features to the output width (default
    /// false).</param>
    /// <param name="seed">Seed of the dropout mask sequence; every training forward draws the next mask (default 0).</param>
    /// <exception cref="ArgumentException">A size is not positive or dropout is outside [0, 1).</exception>
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
    /// machine and layout allow); tests and benchmarks pin one to compare them.</summary>
    public KernelPath KernelPath { get; set; } = KernelPath.Auto;

    /// <summary>Output width: H*C when concatenating, else C.</summary>
    public int OutputWidth => concat ? heads * channels : channels;

    /// <summary>The layer's output for the targets of <paramref name="edges"/>: [Nt, H*C] with concat, else [Nt, C].</summary>
    /// <param name="xSrc">Source features [Ns, F_src].</param>
    /// <param name="xDst">Target features [Nt, F_dst]; for a homogeneous layer pass the source features again.</param>
    /// <param name="edges">The edges to attend over, Ns sources x Nt targets.</param>
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

    /// <summary>Attention coefficients alpha [E, H] (no dropout; row-major, edges in <see cref="GatEdges"/> order) for
    /// the given inputs, for explanations.</summary>
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
