using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Ranking;

/// <summary>
/// The one inner product every scorer, retriever and evaluator shares, so they rank identically. Training (hard
/// negatives, LightGCN's gradient) keeps the library's <c>TensorPrimitives.Dot</c>: it ranks nothing a caller sees, and
/// the checkpoints and evaluation figures were made with that arithmetic.
/// </summary>
public static class VectorMath
{
    /// <summary>
    /// Inner product of two equal-length vectors: two independent SIMD accumulators, then the tail. Written out rather
    /// than calling <c>TensorPrimitives.Dot</c>: retrieval calls it once per catalogue row on short vectors (64 floats),
    /// where the library's per-call set-up weighed on every row (throughput before and after:
    /// tests/GraphAttn.Server.Benchmarks/README.md).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors of {a.Length} and {b.Length} floats.", nameof(b));
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var n = (nuint)a.Length;
        nuint i = 0;
        var sum = 0f;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            for (; i + 16 <= n; i += 16)
            {
                s0 = MultiplyAdd(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), s0);
                s1 = MultiplyAdd(Vector256.LoadUnsafe(ref x, i + 8), Vector256.LoadUnsafe(ref y, i + 8), s1);
            }
            if (i + 8 <= n)
            {
                s0 = MultiplyAdd(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i), s0);
                i += 8;
            }
            sum = Vector256.Sum(s0 + s1);
        }
        else if (Vector128.IsHardwareAccelerated && n >= 8)
        {
            var s0 = Vector128<float>.Zero;
            var s1 = Vector128<float>.Zero;
            for (; i + 8 <= n; i += 8)
            {
                s0 += Vector128.LoadUnsafe(ref x, i) * Vector128.LoadUnsafe(ref y, i);
                s1 += Vector128.LoadUnsafe(ref x, i + 4) * Vector128.LoadUnsafe(ref y, i + 4);
            }
            sum = Vector128.Sum(s0 + s1);
        }
        for (; i < n; i++) sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        return sum;
    }

    // One rounding where the CPU fuses multiply and add, two where it cannot (the result differs in the last bit only).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}
