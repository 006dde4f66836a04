namespace GraphAttn.Graph.Baselines;

/// <summary>
/// Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method: plane rotations zero the
/// off-diagonal entries one at a time until their norm is negligible. O(n³) per sweep, a handful of sweeps; meant for the
/// n ≤ a few hundred matrices of the randomised SVD, where its accuracy (every eigenvalue to working precision) and
/// determinism matter more than speed.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 50;

    /// <summary>
    /// Eigenvalues, descending, and the matching unit eigenvectors as the columns of an [n, n] row-major matrix.
    /// </summary>
    /// <param name="matrix">[n, n] row-major symmetric matrix (only read).</param>
    /// <param name="n">Order n.</param>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int n)
    {
        if (matrix.Length != n * n) throw new ArgumentException($"matrix has {matrix.Length} entries, expected {n * n}");
        var a = (double[])matrix.Clone();
        var v = new double[n * n];
        for (var i = 0; i < n; i++) v[i * n + i] = 1;
        for (var sweep = 0; sweep < MaxSweeps && OffDiagonal(a, n) > 1e-22 * Math.Max(Diagonal(a, n), double.Epsilon); sweep++)
            for (var p = 0; p < n - 1; p++)
                for (var q = p + 1; q < n; q++)
                    Rotate(a, v, n, p, q);
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i * n + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[i * n + i]).ToArray();
        var vectors = new double[n * n];
        for (var c = 0; c < n; c++)
            for (var r = 0; r < n; r++) vectors[r * n + c] = v[r * n + order[c]];
        return (values, vectors);
    }

    /// <summary>Zeroes a[p, q] (and a[q, p]) by one rotation, accumulated into v.</summary>
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[p * n + q];
        if (apq == 0) return;
        var (app, aqq) = (a[p * n + p], a[q * n + q]);
        // tan of the rotation angle, the smaller root of t² + 2θt - 1 = 0 (Numerical Recipes' stable form).
        var theta = (aqq - app) / (2 * apq);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        var c = 1 / Math.Sqrt(t * t + 1);
        var s = t * c;
        for (var k = 0; k < n; k++)
        {
            var (akp, akq) = (a[k * n + p], a[k * n + q]);
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (var k = 0; k < n; k++)
        {
            var (apk, aqk) = (a[p * n + k], a[q * n + k]);
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        for (var k = 0; k < n; k++)
        {
            var (vkp, vkq) = (v[k * n + p], v[k * n + q]);
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    private static double OffDiagonal(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) sum += a[i * n + j] * a[i * n + j];
        return sum;
    }

    private static double Diagonal(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += a[i * n + i] * a[i * n + i];
        return sum;
    }
}
