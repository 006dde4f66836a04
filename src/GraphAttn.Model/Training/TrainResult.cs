using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>: the model at its best validation epoch and what led there.</summary>
/// <param name="Model">The trained model (weights of the best epoch), in eval mode.</param>
/// <param name="Inputs">The graph inputs it was trained on (owned by the caller from here on).</param>
/// <param name="Embeddings">Embeddings of the best model.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept.</param>
/// <param name="Validation">Validation metrics of that epoch (empty without a validation set).</param>
/// <param name="Epochs">Every finished epoch.</param>
/// <param name="Seconds">Total training wall time.</param>
public sealed record TrainResult(SocialRecModel Model, GraphInputs Inputs, ModelEmbeddings Embeddings, int BestEpoch,
    IReadOnlyDictionary<string, double> Validation, IReadOnlyList<TrainProgress> Epochs, double Seconds)
{
    /// <summary>A scorer over <see cref="Embeddings"/>.</summary>
    public ModelScorer Scorer() => new(Embeddings);
}
