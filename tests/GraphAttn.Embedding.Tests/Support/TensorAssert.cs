using static TorchSharp.torch;

namespace GraphAttn.Embedding.Tests.Support;

internal static class TensorAssert
{
    /// <summary>max |actual - expected| &lt;= tolerance (absolute), reported with what differs.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var diff = (actual - expected).abs().max();
        var d = diff.item<float>();
        Assert.True(d <= tolerance, $"{what}: max difference {d:G4} exceeds {tolerance:G4}");
    }

    /// <summary>max |actual - expected| over float arrays &lt;= tolerance.</summary>
    public static void Close(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        Assert.True(worst <= tolerance, $"{what}: max difference {worst:G4} exceeds {tolerance:G4}");
    }
}
