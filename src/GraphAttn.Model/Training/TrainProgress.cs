namespace GraphAttn.Model.Training;

/// <summary>One finished epoch: mean losses, validation metrics (content) and timing.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="ContentLoss">Mean content BPR loss.</param>
/// <param name="FriendLoss">Mean friend BPR loss.</param>
/// <param name="Validation">Validation metrics, e.g. Recall@20, NDCG@20.</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
/// <param name="IsBest">True when this epoch improved the early-stopping metric.</param>
/// <param name="LearningRate">The learning rate the epoch trained with (lower after a plateau decay).</param>
public sealed record TrainProgress(int Epoch, double ContentLoss, double FriendLoss,
    IReadOnlyDictionary<string, double> Validation, double Seconds, bool IsBest, double LearningRate);
