using GraphAttn.Model.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Training;

public sealed class RootedAdamTests
{
    [Fact]
    public void Step_ManySteps_MatchesTorchSharpAdamBitForBit()
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        var start = randn(5, 3);
        var ours = new Parameter(start.clone());
        var theirs = new Parameter(start.clone());
        using var adam = new RootedAdam([ours], 0.01);
        using var reference = optim.Adam([theirs], 0.01);
        for (var step = 0; step < 50; step++)
        {
            // The same loss on both copies: gradients differ per step as the weights move.
            var target = randn(5, 3);
            adam.ZeroGrad();
            ((ours - target) * (ours - target)).sum().backward();
            adam.Step();
            reference.zero_grad();
            ((theirs - target) * (theirs - target)).sum().backward();
            reference.step();
        }
        Assert.Equal(theirs.data<float>().ToArray(), ours.data<float>().ToArray());
        Assert.NotEqual(start.data<float>().ToArray(), ours.data<float>().ToArray());
    }

    [Fact]
    public void Step_ParameterWithoutGradient_IsLeftAsItIs()
    {
        using var scope = NewDisposeScope();
        var used = new Parameter(ones(2));
        var unused = new Parameter(ones(2));
        using var adam = new RootedAdam([used, unused], 0.1);
        used.sum().backward();
        adam.Step();
        Assert.Equal([1f, 1f], unused.data<float>().ToArray());
        Assert.All(used.data<float>().ToArray(), v => Assert.True(v < 1f));
    }
}
