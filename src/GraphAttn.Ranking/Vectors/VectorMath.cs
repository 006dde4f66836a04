using System.Numerics.Tensors;

namespace GraphAttn.Ranking;

/// <summary>The one inner product every scorer, retriever and evaluator shares, so they rank identically.</summary>
public static class VectorMath
{
    /// <summary>Inner product of two equal-length vectors (SIMD, <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);
}
