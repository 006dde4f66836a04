namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>Hyper-parameters of <see cref="BprScorer"/>.</summary>
public sealed record BprOptions
{
    /// <summary>Embedding size; default 64 (RecBole's default).</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>Passes over the training pairs; default 60.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>SGD learning rate; default 0.05.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>L2 regularisation on the embeddings touched by a step; default 0.0025.</summary>
    public float Regularization { get; init; } = 0.0025f;

    /// <summary>Standard deviation of the initial embeddings; default 0.1.</summary>
    public float InitScale { get; init; } = 0.1f;

    /// <summary>Seed of initialisation and sampling; default 2026.</summary>
    public int Seed { get; init; } = EvalDefaults.Seed;
}
