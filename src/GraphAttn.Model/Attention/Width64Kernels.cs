using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Inner loops of the fused kernels for rows of exactly 64 floats (the model's width: 4 heads x 16 channels, or any
/// split into heads of a multiple of 8 channels). A row is 8 AVX registers: the weighted sums stay in registers across
/// a target's (or source's) edges instead of being loaded and stored once per edge and head, and the 4..8 per-head
/// weights are broadcast once per edge. Same arithmetic as the general loops, up to summation order within a row.
/// </summary>
internal static unsafe class Width64Kernels
{
    /// <summary>Whether the fast path applies to this layout.</summary>
    public static bool Applies(int heads, int channels) =>
        Vector256.IsHardwareAccelerated && heads * channels == 64 && channels % 8 == 0;

    /// <summary>
    /// row[0..64) = sum over j in [j0, j1) of weights[j, head(b)] * rows[index[j]][block b], i.e. per head k the
    /// weighted sum of that head's channels; <paramref name="weights"/> is [*, heads] indexed by j (or by position
    /// j - j0 when <paramref name="weightsFromStart"/>). Then each head is multiplied by <paramref name="scale"/>[k]
    /// (null: 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WeightedSum(float* rows, int* index, int j0, int j1, float* weights, bool weightsFromStart,
        int heads, int channels, float* scale, float* row)
    {
        var shift = channels == 8 ? 0 : channels == 16 ? 1 : channels == 32 ? 2 : 3; // blocks per head = 1 << shift
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default,
            a4 = default, a5 = default, a6 = default, a7 = default;
        for (var j = j0; j < j1; j++)
        {
            if (j + 8 < j1) Prefetch(rows + (long)index[j + 8] * 64);
            var x = rows + (long)index[j] * 64;
            var w = weights + (long)(weightsFromStart ? j - j0 : j) * heads;
            a0 += Vector256.Create(w[0 >> shift]) * Vector256.Load(x);
            a1 += Vector256.Create(w[1 >> shift]) * Vector256.Load(x + 8);
            a2 += Vector256.Create(w[2 >> shift]) * Vector256.Load(x + 16);
            a3 += Vector256.Create(w[3 >> shift]) * Vector256.Load(x + 24);
            a4 += Vector256.Create(w[4 >> shift]) * Vector256.Load(x + 32);
            a5 += Vector256.Create(w[5 >> shift]) * Vector256.Load(x + 40);
            a6 += Vector256.Create(w[6 >> shift]) * Vector256.Load(x + 48);
            a7 += Vector256.Create(w[7 >> shift]) * Vector256.Load(x + 56);
        }
        Vector256.Store(a0 * Scale(scale, 0 >> shift), row);
        Vector256.Store(a1 * Scale(scale, 1 >> shift), row + 8);
        Vector256.Store(a2 * Scale(scale, 2 >> shift), row + 16);
        Vector256.Store(a3 * Scale(scale, 3 >> shift), row + 24);
        Vector256.Store(a4 * Scale(scale, 4 >> shift), row + 32);
        Vector256.Store(a5 * Scale(scale, 5 >> shift), row + 40);
        Vector256.Store(a6 * Scale(scale, 6 >> shift), row + 48);
        Vector256.Store(a7 * Scale(scale, 7 >> shift), row + 56);
    }

    /// <summary>dots[k] = sum over head k's channels of g[c] * x[c], for rows of 64 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void HeadDots(float* g, float* x, int heads, float* dots)
    {
        var blocksPerHead = 8 / heads;
        for (var k = 0; k < heads; k++)
        {
            var acc = Vector256<float>.Zero;
            for (var b = k * blocksPerHead; b < (k + 1) * blocksPerHead; b++)
                acc += Vector256.Load(g + b * 8) * Vector256.Load(x + b * 8);
            dots[k] = Vector256.Sum(acc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Scale(float* scale, int head) => scale is null ? Vector256<float>.One : Vector256.Create(scale[head]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(float* row)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(row);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + 16);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + 32);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + 48);
    }
}
