using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Which code path the fused kernels take. Both compute the same sums (in different orders, so results differ in the
/// last bits from path to path, never from run to run on one path).
/// </summary>
public enum KernelPath
{
    /// <summary>The fastest path this machine and row layout allow (the default).</summary>
    Auto,

    /// <summary>Any layout, any machine: per-head loops over rows in memory.</summary>
    General,

    /// <summary>The model's layout, 4 heads x 16 channels, on AVX2 + FMA: a row is eight 256-bit registers, two per
    /// head, so a head weight is one broadcast and the four per-head scalars one 128-bit register. Machines with
    /// AVX-512 take this path too.</summary>
    Wide256,
}

/// <summary>Resolves <see cref="KernelPath.Auto"/> and checks that a requested path can run here.</summary>
public static class KernelPaths
{
    /// <summary>Whether <paramref name="path"/> can run on this machine for H x C rows.</summary>
    public static bool Supported(KernelPath path, int heads, int channels) => path switch
    {
        KernelPath.Auto or KernelPath.General => true,
        KernelPath.Wide256 => heads == 4 && channels == 16 && Avx2.IsSupported
            && Fma.IsSupported && Vector256.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The concrete path: for <see cref="KernelPath.Auto"/> the fastest supported one, else the one asked
    /// for.</summary>
    /// <exception cref="ArgumentException">The requested path cannot run on this machine or layout.</exception>
    public static KernelPath Resolve(KernelPath path, int heads, int channels)
    {
        if (path == KernelPath.Auto)
            return Supported(KernelPath.Wide256, heads, channels) ? KernelPath.Wide256 : KernelPath.General;
        return Supported(path, heads, channels) ? path
            : throw new ArgumentException($"kernel path {path} cannot run here for {heads} heads x {channels} channels " +
                $"(AVX2 {Avx2.IsSupported}, FMA {Fma.IsSupported})");
    }
}
