using System.Numerics;
using System.Runtime.InteropServices;

namespace GraphAttn.Evaluation.Methods;

/// <summary>SIMD helpers for the factorisation methods.</summary>
internal static class VectorMath
{
    /// <summary>Dot product of two equal-length spans.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var i = 0; i < va.Length; i++) sum += va[i] * vb[i];
        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>
    /// One BPR gradient step on user vector p and item vectors qi (positive), qj (negative), all updated from
    /// their old values: p += lr·(g·(qi − qj) − reg·p), qi += lr·(g·p − reg·qi), qj += lr·(−g·p − reg·qj).
    /// </summary>
    public static void BprUpdate(Span<float> p, Span<float> qi, Span<float> qj, float g, float lr, float reg)
    {
        var vp = MemoryMarshal.Cast<float, Vector<float>>(p);
        var va = MemoryMarshal.Cast<float, Vector<float>>(qi);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(qj);
        for (var f = 0; f < vp.Length; f++)
        {
            Vector<float> pu = vp[f], a = va[f], b = vb[f];
            vp[f] = pu + (lr * ((g * (a - b)) - (reg * pu)));
            va[f] = a + (lr * ((g * pu) - (reg * a)));
            vb[f] = b + (lr * ((-g * pu) - (reg * b)));
        }
        for (var f = vp.Length * Vector<float>.Count; f < p.Length; f++)
        {
            float pu = p[f], a = qi[f], b = qj[f];
            p[f] = pu + (lr * ((g * (a - b)) - (reg * pu)));
            qi[f] = a + (lr * ((g * pu) - (reg * a)));
            qj[f] = b + (lr * ((-g * pu) - (reg * b)));
        }
    }

    /// <summary>y += a · x over equal-length spans.</summary>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        for (var i = 0; i < vx.Length; i++) vy[i] += a * vx[i];
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++) y[i] += a * x[i];
    }
}
