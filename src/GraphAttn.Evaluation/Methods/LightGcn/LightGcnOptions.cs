using GraphAttn.Graph.Splits;
namespace GraphAttn.Evaluation.Methods.LightGcn;

/// <summary>
/// Hyper-parameters of <see cref="LightGcnTrainer"/>. Layers, width, L2 and batch are the paper's (He et al., SIGIR
/// 2020); the learning rate is higher than its 0.001 so that training ends in minutes on this project's machines, with
/// early stopping on a validation sample carved from the training data (<see cref="HeldOutSample"/>).
/// </summary>
public sealed record LightGcnOptions
{
    /// <summary>Embedding width D; default 64.</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>Propagation layers K; default 3. The final vector is the mean of layers 0..K.</summary>
    public int Layers { get; init; } = 3;

    /// <summary>Adam learning rate; default 0.005.</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>L2 weight on the batch's layer-0 vectors, ½(‖e_u‖² + ‖e_i‖² + ‖e_j‖²) / B; default 1e-4.</summary>
    public float L2 { get; init; } = 1e-4f;

    /// <summary>Training triples (row, positive, negative) per step; default 2048.</summary>
    public int BatchSize { get; init; } = 2048;

    /// <summary>Most epochs; default 400 (early stopping usually ends training well before).</summary>
    public int MaxEpochs { get; init; } = 400;

    /// <summary>Epochs between validations; default 5.</summary>
    public int ValidateEvery { get; init; } = 5;

    /// <summary>Validations without a better Recall@20 before stopping; default 4.</summary>
    public int Patience { get; init; } = 4;

    /// <summary>Standard deviation of the initial vectors; default 0.1 (the paper's normal initialisation).</summary>
    public float InitScale { get; init; } = 0.1f;

    /// <summary>Seed of initialisation, sampling and the validation carve; default 2026.</summary>
    public int Seed { get; init; } = SplitDefaults.Seed;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Dimensions <= 0) throw new ArgumentException($"Dimensions must be positive, got {Dimensions}");
        if (Layers < 0) throw new ArgumentException($"Layers must not be negative, got {Layers}");
        if (!(LearningRate > 0)) throw new ArgumentException($"LearningRate must be positive, got {LearningRate}");
        if (!(L2 >= 0)) throw new ArgumentException($"L2 must not be negative, got {L2}");
        if (BatchSize <= 0 || MaxEpochs <= 0 || ValidateEvery <= 0 || Patience <= 0)
            throw new ArgumentException("BatchSize, MaxEpochs, ValidateEvery and Patience must be positive");
    }
}
