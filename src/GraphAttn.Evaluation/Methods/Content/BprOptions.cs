using GraphAttn.Graph.Splits;
namespace GraphAttn.Evaluation.Methods.Content;

/// <summary>
/// Hyper-parameters of <see cref="BprScorer"/>. The defaults were chosen on the validation part of lastfm-2k's
/// random 8:1:1 split (seed 2026), never on test: the sweep is in tests/GraphAttn.Evaluation.Benchmarks/README.md.
/// </summary>
public sealed record BprOptions
{
    /// <summary>Embedding size; default 64 (RecBole's default).</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>Passes over the training pairs; default 600.</summary>
    public int Epochs { get; init; } = 600;

    /// <summary>SGD learning rate; default 0.05.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>L2 regularisation on the embeddings touched by a step; default 0.005.</summary>
    public float Regularization { get; init; } = 0.005f;

    /// <summary>Standard deviation of the initial embeddings; default 0.1.</summary>
    public float InitScale { get; init; } = 0.1f;

    /// <summary>Seed of initialisation and sampling; default 2026.</summary>
    public int Seed { get; init; } = SplitDefaults.Seed;
}
