using static TorchSharp.torch;

namespace GraphAttn.Tests.Shared;

/// <summary>Tensor and vector comparisons that report what differs and by how much.</summary>
internal static class TensorAssert
{
    /// <summary>max |a - b| &lt;= tolerance * (1 + max |b|), reported with the name of what differs.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var diff = (actual - expected).abs().max();
        using var scale = expected.abs().max();
        var d = diff.item<float>();
        var limit = tolerance * (1 + scale.item<float>());
        Assert.True(d <= limit, $"{what}: max difference {d:G4} exceeds {limit:G4}");
    }

    /// <summary>max |actual - expected| &lt;= tolerance (absolute), reported with what differs.</summary>
    public static void CloseAbsolute(Tensor actual, Tensor expected, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var diff = (actual - expected).abs().max();
        var d = diff.item<float>();
        Assert.True(d <= tolerance, $"{what}: max difference {d:G4} exceeds {tolerance:G4}");
    }

    /// <summary>max |actual - expected| over float arrays &lt;= tolerance (absolute).</summary>
    public static void CloseAbsolute(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < actual.Length; i++) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        Assert.True(worst <= tolerance, $"{what}: max difference {worst:G4} exceeds {tolerance:G4}");
    }
}
