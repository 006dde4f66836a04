using GraphAttn.Graph.Baselines;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;

namespace GraphAttn.Model.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>: the model at its best validation epoch and what led there.</summary>
/// <param name="Model">The trained model (weights of the best epoch), in eval mode.</param>
/// <param name="Inputs">The training graph's inputs (owned by the caller from here on). With the friend score's
/// structural term the model learned without the friendships held out to fit β; these inputs and
/// <paramref name="Embeddings"/> include them.</param>
/// <param name="Embeddings">Embeddings of the best model over the whole training graph.</param>
/// <param name="BestEpoch">1-based epoch whose weights were kept.</param>
/// <param name="Validation">Validation metrics of that epoch (empty without a validation set).</param>
/// <param name="Epochs">Every finished epoch.</param>
/// <param name="Seconds">Total training wall time.</param>
/// <param name="FriendStructure">The friend score's structural term with the fitted β; null when trained without it or
/// when the fit chose β = 0.</param>
/// <param name="FriendFit">How β was fitted on held-out friendships; null when trained without.</param>
/// <param name="ContentFilter">The content score's graph filter term with the fitted γ, over the whole training graph;
/// null when trained without it or when the fit chose γ = 0.</param>
/// <param name="ContentFit">How γ was fitted on the validation interactions; null when trained without.</param>
public sealed record TrainResult(SocialRecModel Model, GraphInputs Inputs, ModelEmbeddings Embeddings, int BestEpoch,
    IReadOnlyDictionary<string, double> Validation, IReadOnlyList<TrainProgress> Epochs, double Seconds,
    FriendStructure? FriendStructure = null, FriendStructureFitResult? FriendFit = null,
    ContentFilterTerm? ContentFilter = null, ContentFilterFitResult? ContentFit = null)
{
    /// <summary>β of the friend score's structural term (0 when trained without it).</summary>
    public double FriendStructureWeight => FriendStructure?.Weight ?? 0;

    /// <summary>γ of the content score's graph filter term (0 when trained without it).</summary>
    public double ContentFilterWeight => ContentFilter?.Weight ?? 0;

    /// <summary>A scorer over <see cref="Embeddings"/>, with the friend score's structural term and the content score's
    /// graph filter term.</summary>
    public ModelScorer Scorer(string name = "graphattn") => new(Embeddings, name, FriendStructure, ContentFilter);
}
