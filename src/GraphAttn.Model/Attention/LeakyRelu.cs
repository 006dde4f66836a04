using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Model.Attention;

/// <summary>
/// GAT's LeakyReLU on attention logits (slope <see cref="FusedGatKernels.NegativeSlope"/>) and its derivative, written
/// without branches for every kernel path and <see cref="FusedGatKernels.Coefficients"/>.
/// </summary>
internal static class LeakyRelu
{
    /// <summary>
    /// max(x, slope * x) (equal to LeakyReLU for slope &lt; 1), which compiles without a branch: the signs of the
    /// logits are random, and a branch on them mispredicted often enough to cost more than the gathers.
    /// </summary>
    public static float Apply(float x) => MathF.Max(x, FusedGatKernels.NegativeSlope * x);

    /// <summary><see cref="Apply(float)"/> of four lanes (four heads).</summary>
    public static Vector128<float> Apply(Vector128<float> x) => Vector128.Max(x, x * FusedGatKernels.NegativeSlope);

    /// <summary>The derivative (1 where x &gt; 0, else the slope; 0 and NaN take the slope, as torch's leaky_relu
    /// backward does), without a branch: positive floats other than +0 are the bit patterns 1 .. 0x7F800000.</summary>
    public static float Slope(float x)
    {
        var positive = (uint)(BitConverter.SingleToInt32Bits(x) - 1) < 0x7F800000u;
        return FusedGatKernels.NegativeSlope + (1f - FusedGatKernels.NegativeSlope) * Unsafe.BitCast<bool, byte>(positive);
    }
}
