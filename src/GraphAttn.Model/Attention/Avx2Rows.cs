using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// The row layout of the kernels' AVX2 path (<see cref="Avx2EdgeKernels"/>): 4 heads x 16 channels, eight 256-bit
/// registers per row, registers 2k and 2k+1 holding head k.
/// </summary>
internal static class Avx2Rows
{
    /// <summary>Heads of the layout.</summary>
    public const int Heads = 4;

    /// <summary>Channels per head of the layout.</summary>
    public const int Channels = 16;

    /// <summary>Floats per row.</summary>
    public const int Width = Heads * Channels;

    /// <summary>
    /// [sum s0, sum s1, sum s2, sum s3] for four 8-float registers, one per head (each already the sum of that head's
    /// two product registers): two horizontal adds pair the registers up, a third leaves head k's two partial sums in
    /// float k of each 128-bit half, and one add of the halves finishes them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FourHeadSums(Vector256<float> s0, Vector256<float> s1, Vector256<float> s2,
        Vector256<float> s3)
    {
        var both = Avx.HorizontalAdd(Avx.HorizontalAdd(s0, s1), Avx.HorizontalAdd(s2, s3));
        return both.GetLower() + both.GetUpper();
    }
}
