namespace GraphAttn.Model.Training;

/// <summary>The ranking loss both tasks are trained with.</summary>
public enum LossKind
{
    /// <summary>BPR against one dynamic hard negative per positive (<see cref="BprLoss"/>).</summary>
    Bpr,

    /// <summary>
    /// Sampled softmax: cross-entropy of each positive against a set of uniformly drawn negatives shared by the step,
    /// with a temperature (<see cref="SoftmaxLoss"/>). Every negative receives gradient, not only the hardest.
    /// </summary>
    Softmax,
}
