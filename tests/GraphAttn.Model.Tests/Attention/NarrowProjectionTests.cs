using GraphAttn.Model.Attention;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Attention;

public sealed class NarrowProjectionTests
{
    [Theory]
    [InlineData(1000, 64, 8)] // the homogeneous layer's shape: both logit halves of 4 heads
    [InlineData(333, 37, 3)] // widths that are not whole vectors, rows that do not split evenly into chunks
    [InlineData(5, 16, 4)] // fewer rows than chunks
    public void Apply_AnyShape_MatchesMatmulAndItsGradients(int rows, int features, int columns)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var x = randn(rows, features).requires_grad_(true);
        var w = randn(features, columns).requires_grad_(true);
        var g = randn(rows, columns);

        var expected = x.matmul(w);
        var expectedGrads = autograd.grad([expected], [x, w], [g]);
        var actual = NarrowProjection.apply(x, w);
        var actualGrads = autograd.grad([actual], [x, w], [g]);

        TensorAssert.Close(actual, expected, 1e-4, "output");
        TensorAssert.Close(actualGrads[0], expectedGrads[0], 1e-4, "gradient of x");
        TensorAssert.Close(actualGrads[1], expectedGrads[1], 1e-4, "gradient of w");
    }

    [Fact]
    public void Apply_ShapesThatDoNotMultiply_ThrowsNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => NarrowProjection.apply(zeros(4, 5), zeros(6, 2)));
        Assert.Contains("[4,5]", error.Message);
    }
}
