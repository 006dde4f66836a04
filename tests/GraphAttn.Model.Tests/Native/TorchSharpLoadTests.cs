using TorchSharp;

namespace GraphAttn.Model.Tests.Native;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Matmul_AfterNativeFix_ComputesProduct()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }

    [Fact]
    public void Backward_AfterNativeFix_ComputesGradient()
    {
        using var x = torch.tensor(new float[] { 1, -2, 3 }, requires_grad: true);
        using var y = (x * x).sum();
        y.backward();
        Assert.Equal(new float[] { 2, -4, 6 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void OutputCopy_OnThisHost_LoadsWithoutFallbackFolder()
    {
        // TorchSharp copies unpatched natives into a cpu/ folder and retries when the first load fails; the build fix
        // must make the first load succeed.
        using var probe = torch.ones(1);
        var fallback = Path.Combine(AppContext.BaseDirectory, "cpu");
        Assert.False(Directory.Exists(fallback), $"TorchSharp fell back to {fallback}");
    }
}
