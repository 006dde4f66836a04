using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Small SIMD helpers for the fused kernels (rows of C floats, C usually 8-64), inlined into the kernels' edge loops:
/// there a call per row into <c>TensorPrimitives</c> (span checks, no inlining) costs more than the 16-float product.
/// Ranking code outside the kernels uses <c>GraphAttn.Ranking.VectorMath</c>.
/// </summary>
internal static unsafe class KernelMath
{
    /// <summary>y[0..n) += a * x[0..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float a, float* x, float* y, int n)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            for (; i <= n - 8; i += 8) Vector256.Store(Vector256.Load(y + i) + va * Vector256.Load(x + i), y + i);
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>Sum of x[k] * y[k] over k in [0, n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* x, float* y, int n)
    {
        var i = 0;
        var sum = 0f;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<float>.Zero;
            for (; i <= n - 8; i += 8) acc += Vector256.Load(x + i) * Vector256.Load(y + i);
            sum = Vector256.Sum(acc);
        }
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>x[0..n) *= a.</summary>
    public static void Scale(float a, float* x, int n)
    {
        for (var i = 0; i < n; i++) x[i] *= a;
    }

    /// <summary>x[i] = exp(x[i] - shift[i % period]) for i in [0, n) (n a multiple of period); vectorised because libm exp per element is the
    /// kernels' largest compute cost.</summary>
    public static void ShiftedExpInPlace(float* x, int n, float* shift, int period)
    {
        for (var i = 0; i < n; i += period)
            for (var k = 0; k < period; k++) x[i + k] -= shift[k];
        ExpInPlace(x, n);
    }

    /// <summary>x[i] = exp(x[i]) for i in [0, n), vectorised.</summary>
    public static void ExpInPlace(float* x, int n)
    {
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j <= n - 8; j += 8) Vector256.Store(Vector256.Exp(Vector256.Load(x + j)), x + j);
        for (; j < n; j++) x[j] = MathF.Exp(x[j]);
    }
}
