using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Modeling;

/// <summary>The propagation's sparse product and its gradient against the index_select / index_add formulation.</summary>
public sealed class PropagationProductTests
{
    [Theory]
    [InlineData(40, 30, 200, 8)] // below the parallel threshold: one thread
    [InlineData(3000, 2000, 60_000, 64)] // parallel over row ranges, 64 columns in registers where AVX-512 is
    [InlineData(500, 400, 8_000, 128)] // two register blocks per row
    public void Product_AndGradient_EqualTheIndexAddFormulation_BitForBit(int targets, int sources, int edgeCount, int width)
    {
        var edges = RandomEdges(targets, sources, edgeCount, seed: targets);
        var degree = Enumerable.Range(0, sources).Select(s => (float)(1 + s % 7)).ToArray();
        var weighed = PropagationEdges.Weigh(edges, degree, null);
        Assert.True(weighed.EdgeCount < edgeCount, "the random edges should repeat some sources within a target");
        using var scope = NewDisposeScope();
        manual_seed(11);
        var table = randn(sources, width).requires_grad_();
        var upstream = randn(targets, width);

        var product = InteractionPropagation.Aggregate(table, edges, degree, null);
        var fromProduct = Gradient(table, product, upstream);

        var rowTargets = new long[weighed.EdgeCount];
        for (var t = 0; t < targets; t++)
            for (var e = weighed.Offsets[t]; e < weighed.Offsets[t + 1]; e++) rowTargets[e] = t;
        var rows = table.index_select(0, tensor(weighed.Sources.Select(s => (long)s).ToArray()))
            * tensor(weighed.Weights).view(-1, 1);
        var expected = zeros(targets, width).index_add(0, tensor(rowTargets), rows, 1);
        var fromIndexAdd = Gradient(table, expected, upstream);

        Assert.True(product.eq(expected).all().item<bool>(), "the product differs from the index_add formulation");
        Assert.True(fromProduct.eq(fromIndexAdd).all().item<bool>(), "the gradient differs from the index_add formulation's");
        Assert.True(fromProduct.abs().sum().item<float>() > 0, "the gradient should not vanish");
    }

    [Fact]
    public void Gradient_TableLongerThanTheGraph_ZeroPastItsSources()
    {
        using var scope = NewDisposeScope();
        var table = ones(5, 2).requires_grad_(); // the graph has 3 sources; rows 3 and 4 are past them
        var edges = new TargetEdges([0, 2, 3], [0, 2, 1]);
        var product = InteractionPropagation.Aggregate(table, edges, [1, 1, 1], null);
        product.sum().backward();
        var grad = table.grad!;
        Assert.Equal([5L, 2L], grad.shape);
        Assert.Equal(1 / Math.Sqrt(2), grad[0, 0].item<float>(), 5);
        Assert.Equal(1.0, grad[1, 1].item<float>(), 5);
        Assert.Equal(0f, grad[3].abs().sum().item<float>());
        Assert.Equal(0f, grad[4].abs().sum().item<float>());
    }

    [Fact]
    public void Product_TableShorterThanTheGraph_Throws()
    {
        using var scope = NewDisposeScope();
        var edges = new TargetEdges([0, 1], [0]);
        var ex = Assert.Throws<ArgumentException>(() => InteractionPropagation.Aggregate(ones(2, 4), edges, [1, 1, 1], null));
        Assert.Contains("3 rows", ex.Message);
    }

    private static Tensor Gradient(Tensor table, Tensor output, Tensor upstream)
    {
        table.grad?.zero_();
        (output * upstream).sum().backward();
        return table.grad!.clone();
    }

    private static TargetEdges RandomEdges(int targets, int sources, int edgeCount, int seed)
    {
        var random = new Random(seed);
        var perTarget = new List<int>[targets];
        for (var t = 0; t < targets; t++) perTarget[t] = [];
        // Skewed sources, so some are hubs and many repeat within a target; target 0 keeps no edges.
        for (var e = 0; e < edgeCount; e++)
            perTarget[1 + random.Next(targets - 1)].Add((int)(sources * Math.Pow(random.NextDouble(), 2)));
        return TargetEdges.FromLists(perTarget);
    }
}
