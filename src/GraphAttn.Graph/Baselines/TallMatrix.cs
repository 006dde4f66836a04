namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Dense tall-and-thin matrices [N, l] (N in the hundred thousands, l in the hundreds), row-major in one float array,
/// and the few products the randomised SVD needs. Reductions over rows are cut into a fixed number of chunks and summed
/// in chunk order, so results do not depend on the thread count or scheduling.
/// </summary>
internal static class TallMatrix
{
    private const int Chunks = 64;

    /// <summary>Gram matrix XᵀX [l, l] in double precision.</summary>
    public static double[] Gram(float[] x, int n, int l)
    {
        var partial = new double[Chunks][];
        Parallel.For(0, Chunks, chunk =>
        {
            var g = new double[l * l];
            var (from, to) = Range(chunk, n);
            for (var r = from; r < to; r++)
            {
                var row = x.AsSpan(r * l, l);
                for (var a = 0; a < l; a++)
                {
                    var ra = (double)row[a];
                    if (ra == 0) continue;
                    var ga = g.AsSpan(a * l, l);
                    for (var b = a; b < l; b++) ga[b] += ra * row[b];
                }
            }
            partial[chunk] = g;
        });
        var gram = new double[l * l];
        foreach (var g in partial)
            for (var i = 0; i < gram.Length; i++) gram[i] += g[i];
        for (var a = 0; a < l; a++)
            for (var b = 0; b < a; b++) gram[a * l + b] = gram[b * l + a];
        return gram;
    }

    /// <summary>X · M in place of X: [N, l] × [l, m] → [N, m] (a new array).</summary>
    public static float[] Times(float[] x, int n, int l, double[] m, int columns)
    {
        var result = new float[n * columns];
        Parallel.For(0, n, r =>
        {
            var row = x.AsSpan(r * l, l);
            var output = result.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                var sum = 0.0;
                for (var k = 0; k < l; k++) sum += row[k] * m[k * columns + c];
                output[c] = (float)sum;
            }
        });
        return result;
    }

    /// <summary>
    /// Orthonormal columns spanning X's (twice, for accuracy): Q = X W Λ^{-1/2} from the eigen-decomposition
    /// XᵀX = W Λ Wᵀ. Directions with λ below 1e-10 λ_max (X has lower rank than l) become zero columns rather than
    /// amplified noise.
    /// </summary>
    public static float[] Orthonormalize(float[] x, int n, int l)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var (values, vectors) = SymmetricEigen.Decompose(Gram(x, n, l), l);
            var floor = 1e-10 * Math.Max(values[0], double.Epsilon);
            var m = new double[l * l];
            for (var r = 0; r < l; r++)
                for (var c = 0; c < l; c++)
                    m[r * l + c] = values[c] > floor ? vectors[r * l + c] / Math.Sqrt(values[c]) : 0;
            x = Times(x, n, l, m, l);
        }
        return x;
    }

    private static (int From, int To) Range(int chunk, int n) => ((int)((long)n * chunk / Chunks), (int)((long)n * (chunk + 1) / Chunks));
}
