using TorchSharp;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Attention;

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
}
