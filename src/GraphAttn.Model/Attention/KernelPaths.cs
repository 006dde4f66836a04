using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GraphAttn.Model.Attention;

/// <summary>
/// The one place that maps a <see cref="KernelPath"/>, the row layout and this CPU's instruction sets to the kernels
/// that run: resolves <see cref="KernelPath.Auto"/> and checks that a requested path can run here.
/// </summary>
public static class KernelPaths
{
    private static readonly EdgeKernels GeneralKernels = new GeneralEdgeKernels();
    private static readonly EdgeKernels Avx2Kernels = new Avx2EdgeKernels();

    /// <summary>Whether <paramref name="path"/> can run on this machine for H x C rows.</summary>
    public static bool Supported(KernelPath path, int heads, int channels) => path switch
    {
        KernelPath.Auto or KernelPath.General => true,
        KernelPath.Avx2 => heads == Avx2Rows.Heads && channels == Avx2Rows.Channels && Avx2.IsSupported
            && Fma.IsSupported && Vector256.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The concrete path: for <see cref="KernelPath.Auto"/> the fastest supported one, else the one asked
    /// for.</summary>
    /// <exception cref="ArgumentException">The requested path cannot run on this machine or layout.</exception>
    public static KernelPath Resolve(KernelPath path, int heads, int channels)
    {
        if (path == KernelPath.Auto)
            return Supported(KernelPath.Avx2, heads, channels) ? KernelPath.Avx2 : KernelPath.General;
        return Supported(path, heads, channels) ? path
            : throw new ArgumentException($"kernel path {path} cannot run here for {heads} heads x {channels} channels " +
                $"(AVX2 {Avx2.IsSupported}, FMA {Fma.IsSupported})");
    }

    /// <summary>The kernels of <see cref="Resolve"/>'s path.</summary>
    /// <exception cref="ArgumentException">The requested path cannot run on this machine or layout.</exception>
    internal static EdgeKernels Kernels(KernelPath path, int heads, int channels) =>
        Resolve(path, heads, channels) switch
        {
            KernelPath.Avx2 => Avx2Kernels,
            _ => GeneralKernels,
        };
}
