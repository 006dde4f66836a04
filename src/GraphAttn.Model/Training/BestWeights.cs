using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Model.Training;

/// <summary>Early-stopping bookkeeping: the best validation score so far, its epoch, metrics and a copy of its weights.</summary>
internal sealed class BestWeights
{
    private Dictionary<string, Tensor>? weights;
    private double score = double.NegativeInfinity;

    /// <summary>1-based epoch of the best score (0 before any).</summary>
    public int Epoch { get; private set; }

    /// <summary>Validation metrics of that epoch.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; private set; } = new Dictionary<string, double>();

    /// <summary>Keeps a copy of the weights when <paramref name="candidate"/> beats the best; returns whether it did.</summary>
    public bool Offer(SocialRecModel model, int epoch, double candidate, IReadOnlyDictionary<string, double> metrics)
    {
        if (candidate <= score) return false;
        (score, Epoch, Metrics) = (candidate, epoch, metrics);
        Release();
        weights = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        return true;
    }

    /// <summary>Loads the best weights into <paramref name="model"/> (if any) and frees the copy.</summary>
    public void Restore(SocialRecModel model)
    {
        Reload(model);
        Release();
    }

    /// <summary>Loads the best weights into <paramref name="model"/> (if any) and keeps the copy (training goes on
    /// from them).</summary>
    public void Reload(SocialRecModel model)
    {
        if (weights is not null) model.load_state_dict(weights);
    }

    private void Release()
    {
        if (weights is null) return;
        foreach (var t in weights.Values) t.Dispose();
        weights = null;
    }
}
