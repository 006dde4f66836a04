using GraphAttn.Model.Modeling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>
/// An exponential moving average of a model's parameters (Polyak averaging), updated after every optimiser step:
/// average = decay * average + (1 - decay) * weights. Validation swaps the averages in and the raw weights back out,
/// so early stopping judges, and keeps, the averaged model while the optimiser goes on from the raw one. Averaging
/// smooths the step-to-step noise of sampled negatives and batches, which a single epoch-end snapshot carries.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] averages;
    private readonly Scalar decay, complement;
    private Tensor[]? raw;

    /// <summary>Starts the averages at the current weights.</summary>
    public WeightAverage(IEnumerable<Parameter> parameters, double decay)
    {
        this.parameters = parameters.ToArray();
        using var noGrad = no_grad();
        averages = this.parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
        (this.decay, complement) = (Scalars.Of(decay), Scalars.Of(1 - decay));
    }

    /// <summary>Folds the current weights into the averages (after an optimiser step).</summary>
    public void Update()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++) averages[i].mul_(decay).add_(parameters[i], complement);
    }

    /// <summary>Puts the averages into the model, keeping the raw weights for <see cref="SwapOut"/>.</summary>
    public void SwapIn()
    {
        if (raw is not null) throw new InvalidOperationException("the averaged weights are already in the model");
        using var noGrad = no_grad();
        raw = parameters.Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
        for (var i = 0; i < parameters.Length; i++) parameters[i].copy_(averages[i]);
    }

    /// <summary>Puts the raw weights back, so training continues from them.</summary>
    public void SwapOut()
    {
        if (raw is null) throw new InvalidOperationException("the averaged weights are not in the model");
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++) parameters[i].copy_(raw[i]);
        Release(ref raw);
    }

    /// <summary>Makes the averages restart from the model's current weights (after a plateau reloads the best ones).</summary>
    public void Reset()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Length; i++) averages[i].copy_(parameters[i]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in averages) t.Dispose();
        Release(ref raw);
    }

    private static void Release(ref Tensor[]? tensors)
    {
        foreach (var t in tensors ?? []) t.Dispose();
        tensors = null;
    }
}
