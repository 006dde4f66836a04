using System.Numerics.Tensors;
using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;

namespace GraphAttn.Evaluation.Methods.LightGcn;

/// <summary>
/// The symmetric normalised adjacency Â = D^{-1/2} A D^{-1/2} of an undirected graph over N nodes, as CSR with one
/// weight per stored edge, and LightGCN's layer mean over it. Nodes are users then items for a user–item graph
/// (A = [[0, R], [Rᵀ, 0]]), or users alone for a friendship graph.
/// </summary>
internal sealed class NormalizedAdjacency
{
    private readonly int[] offsets;
    private readonly int[] targets;
    private readonly float[] weights;

    private NormalizedAdjacency(Csr csr)
    {
        (offsets, targets) = (csr.Offsets, csr.Targets);
        weights = new float[targets.Length];
        for (var x = 0; x < csr.NodeCount; x++)
            for (var e = offsets[x]; e < offsets[x + 1]; e++)
                weights[e] = 1f / MathF.Sqrt((float)csr.Degree(x) * csr.Degree(targets[e]));
        NodeCount = csr.NodeCount;
    }

    /// <summary>N.</summary>
    public int NodeCount { get; }

    /// <summary>The bipartite graph of <paramref name="interactions"/>: nodes 0..U-1 are users, U..U+I-1 items.</summary>
    public static NormalizedAdjacency Bipartite(SparseBinaryMatrix interactions)
    {
        var (users, n) = (interactions.RowCount, interactions.RowCount + interactions.ColumnCount);
        var (sources, destinations) = (new List<int>(2 * interactions.NonZeroCount), new List<int>(2 * interactions.NonZeroCount));
        foreach (var (u, i) in interactions.Pairs())
        {
            sources.Add(u);
            destinations.Add(users + i);
            sources.Add(users + i);
            destinations.Add(u);
        }
        return new NormalizedAdjacency(Csr.FromEdges(n, sources.ToArray(), destinations.ToArray()));
    }

    /// <summary>The friendship graph of the symmetric matrix <paramref name="friends"/> (both directions stored).</summary>
    public static NormalizedAdjacency Symmetric(SparseBinaryMatrix friends)
    {
        var pairs = friends.Pairs().SelectMany(p => new[] { p, (p.Column, p.Row) }).ToArray();
        return new NormalizedAdjacency(Csr.FromEdges(friends.RowCount, [.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]));
    }

    /// <summary>
    /// mean(X, ÂX, ..., Â^K X) for X [N, D] row-major, into <paramref name="mean"/>. Â is symmetric, so the same call
    /// gives the gradient of the layer-0 vectors from the gradient of the layer mean. The two scratch arrays (each as
    /// long as X) are the caller's, so a training step allocates nothing.
    /// </summary>
    public void LayerMean(float[] x, int d, int layers, float[] mean, float[] scratchA, float[] scratchB)
    {
        x.CopyTo(mean, 0);
        var current = x;
        for (var k = 0; k < layers; k++)
        {
            var next = k % 2 == 0 ? scratchA : scratchB;
            Multiply(current, next, d);
            TensorPrimitives.MultiplyAdd(next, 1f, mean, mean);
            current = next;
        }
        var scale = 1f / (layers + 1);
        for (var i = 0; i < mean.Length; i++) mean[i] *= scale;
    }

    /// <summary>output = Â input, rows in parallel (each row summed in edge order: deterministic).</summary>
    private void Multiply(float[] input, float[] output, int d)
    {
        Parallel.For(0, NodeCount, x =>
        {
            var row = output.AsSpan(x * d, d);
            row.Clear();
            for (var e = offsets[x]; e < offsets[x + 1]; e++)
                TensorPrimitives.MultiplyAdd(input.AsSpan(targets[e] * d, d), weights[e], row, row);
        });
    }
}
