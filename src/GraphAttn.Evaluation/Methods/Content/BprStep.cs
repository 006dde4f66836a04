using System.Numerics;
using System.Runtime.InteropServices;

namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>The SIMD update of BPR-MF's stochastic gradient descent.</summary>
internal static class BprStep
{
    /// <summary>
    /// One BPR gradient step on user vector p and item vectors qi (positive), qj (negative), all updated from
    /// their old values: p += lr·(g·(qi − qj) − reg·p), qi += lr·(g·p − reg·qi), qj += lr·(−g·p − reg·qj).
    /// </summary>
    public static void Update(Span<float> p, Span<float> qi, Span<float> qj, float g, float lr, float reg)
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
