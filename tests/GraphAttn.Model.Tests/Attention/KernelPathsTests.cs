using System.Runtime.Intrinsics.X86;
using GraphAttn.Model.Attention;

namespace GraphAttn.Model.Tests.Attention;

public sealed class KernelPathsTests
{
    private static bool Avx2Machine => Avx2.IsSupported && Fma.IsSupported;

    [Theory]
    [InlineData(4, 16, true)]
    [InlineData(8, 8, false)] // the AVX2 path takes only the model's 4 x 16
    [InlineData(3, 5, false)]
    public void Resolve_Auto_PicksAvx2OnlyForTheModelLayoutOnAnAvx2Machine(int heads, int channels, bool avx2Layout)
    {
        // Runs everywhere: without AVX2 the AVX2 path must be neither chosen nor accepted.
        var avx2 = avx2Layout && Avx2Machine;
        Assert.Equal(avx2 ? KernelPath.Avx2 : KernelPath.General, KernelPaths.Resolve(KernelPath.Auto, heads, channels));
        Assert.Equal(KernelPath.General, KernelPaths.Resolve(KernelPath.General, heads, channels));
        if (avx2) Assert.Equal(KernelPath.Avx2, KernelPaths.Resolve(KernelPath.Avx2, heads, channels));
        else Assert.Throws<ArgumentException>(() => KernelPaths.Resolve(KernelPath.Avx2, heads, channels));
    }

    [SkippableTheory]
    [InlineData(KernelPath.General)]
    [InlineData(KernelPath.Avx2)]
    public void Kernels_SupportedPath_RunsThatPathsImplementation(KernelPath path)
    {
        // The path tests pin must be the code that runs, or comparing two paths would compare one with itself.
        Skip.If(path == KernelPath.Avx2 && !Avx2Machine, "the AVX2 kernel path needs AVX2 and FMA, which this CPU lacks");
        Assert.Equal(path, KernelPaths.Kernels(path, 4, 16).Path);
        Assert.Equal(KernelPaths.Resolve(KernelPath.Auto, 4, 16), KernelPaths.Kernels(KernelPath.Auto, 4, 16).Path);
    }
}
