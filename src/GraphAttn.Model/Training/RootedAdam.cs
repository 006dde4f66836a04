using GraphAttn.Model.Modeling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// Adam (Kingma and Ba; defaults betas 0.9 / 0.999, eps 1e-8, no weight decay), the same update in the same order as
/// TorchSharp's <c>optim.Adam</c>, but with every scalar it hands to libtorch kept alive until the call returns.
/// TorchSharp's optimisers convert <c>1 - beta1</c>, the bias corrections and the step size into temporary
/// <see cref="Scalar"/>s that a garbage collection on another thread may finalise while libtorch still reads them
/// (see <see cref="Scalars"/>); a Last.fm run crashed that way ("Expected false to be true" at Scalar.h).
/// </summary>
public sealed class RootedAdam : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;
    private int step;

    /// <summary>Creates the optimiser over <paramref name="parameters"/> with learning rate <paramref name="learningRate"/>.</summary>
    public RootedAdam(IEnumerable<Parameter> parameters, double learningRate)
    {
        this.parameters = parameters.ToArray();
        LearningRate = learningRate;
        firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>The step size of the next updates (a plateau may lower it, see <see cref="TrainOptions.LearningRateDecays"/>).</summary>
    public double LearningRate { get; set; }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in parameters) p.grad?.zero_();
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        step++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        // Per-step scalars: the using declarations keep them reachable until the end of this method.
        using var secondRoot = Math.Sqrt(biasCorrection2).ToScalar();
        using var stepSize = (-LearningRate / biasCorrection1).ToScalar();
        for (var i = 0; i < parameters.Length; i++)
        {
            var grad = parameters[i].grad;
            if (grad is null) continue;
            firstMoments[i].mul_(Scalars.Of(Beta1)).add_(grad, Scalars.Of(1 - Beta1));
            secondMoments[i].mul_(Scalars.Of(Beta2)).addcmul_(grad, grad, Scalars.Of(1 - Beta2));
            var denominator = secondMoments[i].sqrt().div_(secondRoot).add_(Scalars.Of(Epsilon));
            parameters[i].addcdiv_(firstMoments[i], denominator, stepSize);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in firstMoments.Concat(secondMoments)) t.Dispose();
    }
}
