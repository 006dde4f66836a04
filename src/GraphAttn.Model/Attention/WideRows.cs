using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Helpers for the kernels' AVX-512 path (<see cref="KernelPath.Wide512"/>) over 64-float rows (the model's width), held
/// as four 512-bit registers while a target's or a source's edges are summed, instead of being loaded and stored once
/// per edge. A per-edge vector of H head weights is spread over the 64 floats with one permutation per register (float
/// i belongs to head i / C).
/// </summary>
internal static unsafe class WideRows
{
    /// <summary>Row width the fast path handles.</summary>
    public const int Width = 64;

    /// <summary>Floats readable past the end of a per-edge weight buffer: a weight vector is loaded 16 floats wide.</summary>
    public const int Padding = 16;

    /// <summary>Permutation indices spreading H head weights over register r's 16 floats: (16 r + i) / C.</summary>
    public static Vector512<int> HeadIndex(int register, int channels) =>
        Vector512.Create(
            (16 * register + 0) / channels, (16 * register + 1) / channels, (16 * register + 2) / channels,
            (16 * register + 3) / channels, (16 * register + 4) / channels, (16 * register + 5) / channels,
            (16 * register + 6) / channels, (16 * register + 7) / channels, (16 * register + 8) / channels,
            (16 * register + 9) / channels, (16 * register + 10) / channels, (16 * register + 11) / channels,
            (16 * register + 12) / channels, (16 * register + 13) / channels, (16 * register + 14) / channels,
            (16 * register + 15) / channels);

    /// <summary>Head weights (first H floats of a 16-float load) spread over one register's lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Spread(Vector512<float> weights, Vector512<int> index) =>
        Avx512F.PermuteVar16x32(weights, index);

    /// <summary>
    /// The four head sums of a 4 x 16 row, [sum p0, sum p1, sum p2, sum p3], by one transposing reduction tree: three
    /// lane shuffles and adds fold the four registers into one whose 128-bit lane k holds head k's four partial sums,
    /// two in-lane swaps finish them, and one permutation packs the results. Four separate horizontal sums take about
    /// twice the shuffles, and this runs once per edge in the backward walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FourHeadSums(Vector512<float> p0, Vector512<float> p1, Vector512<float> p2,
        Vector512<float> p3)
    {
        // Lanes (128-bit) [a.0+a.2, a.1+a.3, b.0+b.2, b.1+b.3] for the pairs (p0, p1) and (p2, p3).
        var u01 = Avx512F.Shuffle4x128(p0, p1, 0x44) + Avx512F.Shuffle4x128(p0, p1, 0xEE);
        var u23 = Avx512F.Shuffle4x128(p2, p3, 0x44) + Avx512F.Shuffle4x128(p2, p3, 0xEE);
        // Lane k: the four partial sums of head k.
        var v = Avx512F.Shuffle4x128(u01, u23, 0x88) + Avx512F.Shuffle4x128(u01, u23, 0xDD);
        v += Avx512F.Permute4x32(v, 0xB1); // swap neighbours within each lane
        v += Avx512F.Permute4x32(v, 0x4E); // swap halves within each lane: every float of lane k is head k's sum
        // Float 0 of each lane, packed into the lowest four floats (a constant: the JIT embeds it).
        var laneFirsts = Vector512.Create(0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return Avx512F.PermuteVar16x32(v, laneFirsts).GetLower().GetLower();
    }

    /// <summary>Per-head sums of a 64-float row held as four registers: sums[k] = sum of floats k*C .. k*C+C-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void HeadSums(Vector512<float> p0, Vector512<float> p1, Vector512<float> p2, Vector512<float> p3,
        int heads, int channels, float* sums)
    {
        switch (channels)
        {
            case 16:
                sums[0] = Vector512.Sum(p0);
                sums[1] = Vector512.Sum(p1);
                sums[2] = Vector512.Sum(p2);
                sums[3] = Vector512.Sum(p3);
                break;
            case 32:
                sums[0] = Vector512.Sum(p0 + p1);
                sums[1] = Vector512.Sum(p2 + p3);
                break;
            case 64:
                sums[0] = Vector512.Sum(p0 + p1 + p2 + p3);
                break;
            default:
                var row = stackalloc float[Width];
                Vector512.Store(p0, row);
                Vector512.Store(p1, row + 16);
                Vector512.Store(p2, row + 32);
                Vector512.Store(p3, row + 48);
                for (var k = 0; k < heads; k++)
                {
                    var sum = 0f;
                    for (var c = 0; c < channels; c++) sum += row[k * channels + c];
                    sums[k] = sum;
                }
                break;
        }
    }
}
