namespace GraphAttn.Graph.Baselines;

/// <summary>
/// The top-k right singular vectors V [C, k] of the normalised matrix R̃ = D_r^{-1/2} R D_c^{-1/2}: the ideal low-pass
/// part of <see cref="GraphFilter"/>. Computed by a randomised SVD with subspace iteration (Halko, Martinsson and Tropp,
/// SIAM Review 2011): a seeded Gaussian start Ω [C, k + p], Y = R̃ Ω, then q rounds of Y = R̃ R̃ᵀ Y with orthonormalisation
/// in between, then the exact SVD of the small matrix B = Yᵀ R̃ [k + p, C] through the eigen-decomposition of B Bᵀ.
/// Only sparse × thin products touch R̃ (O(nnz · (k + p)) each); the dense work is O((R + C)(k + p)²).
/// </summary>
public sealed class LowPassBasis
{
    private readonly float[] vectors;

    private LowPassBasis(float[] vectors, int rank, float[] singularValues)
    {
        this.vectors = vectors;
        Rank = rank;
        SingularValues = singularValues;
    }

    /// <summary>k: basis vectors kept (at most the requested rank, fewer when R̃ has lower rank than asked).</summary>
    public int Rank { get; }

    /// <summary>The k singular values, descending.</summary>
    public float[] SingularValues { get; }

    /// <summary>Row <paramref name="column"/> of V: that column's k coordinates.</summary>
    public ReadOnlySpan<float> Row(int column) => vectors.AsSpan(column * Rank, Rank);

    /// <summary>Computes the basis of R̃ given by its CSR and transpose and the two inverse square-root degree vectors.</summary>
    internal static LowPassBasis Compute(Csr rows, Csr columns, float[] rowScale, float[] columnScale, int rank,
        int oversampling, int iterations, int seed)
    {
        var (r, c) = (rows.NodeCount, columns.NodeCount);
        var l = Math.Min(rank + oversampling, Math.Min(r, c));
        var y = TallMatrix.Orthonormalize(RowsTimes(rows, rowScale, columnScale, Gaussian(c, l, seed), l), r, l);
        for (var q = 0; q < iterations; q++)
        {
            var z = TallMatrix.Orthonormalize(ColumnsTimes(columns, rowScale, columnScale, y, l), c, l);
            y = TallMatrix.Orthonormalize(RowsTimes(rows, rowScale, columnScale, z, l), r, l);
        }
        // Bᵀ = R̃ᵀ Y [C, l]; B Bᵀ = W Σ² Wᵀ; the right singular vectors of B (and so of R̃) are Bᵀ W Σ^{-1}.
        var bt = ColumnsTimes(columns, rowScale, columnScale, y, l);
        var (values, w) = SymmetricEigen.Decompose(TallMatrix.Gram(bt, c, l), l);
        var floor = 1e-10 * Math.Max(values[0], double.Epsilon);
        var kept = Math.Min(rank, values.Count(v => v > floor));
        var m = new double[l * kept];
        for (var row = 0; row < l; row++)
            for (var k = 0; k < kept; k++) m[row * kept + k] = w[row * l + k] / Math.Sqrt(values[k]);
        var basis = TallMatrix.Times(bt, c, l, m, kept);
        return new LowPassBasis(basis, kept, [.. values.Take(kept).Select(v => (float)Math.Sqrt(v))]);
    }

    /// <summary>R̃ X: [R, l] from X [C, l]; row u = d_u^{-1/2} Σ_{i ∈ N(u)} d_i^{-1/2} X_i.</summary>
    private static float[] RowsTimes(Csr rows, float[] rowScale, float[] columnScale, float[] x, int l) =>
        SparseTimes(rows, rowScale, columnScale, x, l);

    /// <summary>R̃ᵀ Y: [C, l] from Y [R, l]; row i = d_i^{-1/2} Σ_{u ∈ N(i)} d_u^{-1/2} Y_u.</summary>
    private static float[] ColumnsTimes(Csr columns, float[] rowScale, float[] columnScale, float[] y, int l) =>
        SparseTimes(columns, columnScale, rowScale, y, l);

    private static float[] SparseTimes(Csr csr, float[] targetScale, float[] sourceScale, float[] x, int l)
    {
        var result = new float[csr.NodeCount * l];
        Parallel.For(0, csr.NodeCount, t =>
        {
            var output = result.AsSpan(t * l, l);
            foreach (var s in csr.Neighbors(t))
            {
                var w = sourceScale[s];
                var input = x.AsSpan(s * l, l);
                for (var k = 0; k < l; k++) output[k] += w * input[k];
            }
            var scale = targetScale[t];
            for (var k = 0; k < l; k++) output[k] *= scale;
        });
        return result;
    }

    /// <summary>[n, l] standard normal entries (Box-Muller over a seeded generator).</summary>
    private static float[] Gaussian(int n, int l, int seed)
    {
        var random = new Random(seed);
        var x = new float[n * l];
        for (var i = 0; i < x.Length; i += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            x[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < x.Length) x[i + 1] = (float)(radius * Math.Sin(angle));
        }
        return x;
    }
}
