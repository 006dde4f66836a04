using System.Text.Json.Serialization;
using GraphAttn.Model.Sampling;

namespace GraphAttn.Model.Training;

/// <summary>Training settings; saved with every checkpoint.</summary>
public sealed record TrainOptions
{
    /// <summary>Maximum number of epochs (default 100; early stopping ends training sooner); one epoch visits every
    /// training interaction once.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>
    /// Positives per step of the larger task (interactions, or follows on a graph with more of them); the other task is
    /// spread over the same steps. Default 0: automatic, <see cref="AutoBatch"/>.
    /// </summary>
    public int BatchSize { get; init; }

    /// <summary>Smallest automatic batch: 8192, the fixed batch of earlier defaults (mini-batch training always uses it).</summary>
    public const int AutoBatchMinimum = 8192;

    /// <summary>
    /// Steps per epoch the automatic batch aims at on a large graph: 24. Every full-graph step costs about one pass over
    /// the graph's edges whatever its batch, so a fixed batch makes an epoch's cost grow with the square of the graph;
    /// a batch that grows with the graph keeps it linear.
    /// </summary>
    public const int AutoBatchSteps = 24;

    /// <summary>
    /// The batch a step takes when the larger task has <paramref name="positives"/> positives: <see cref="BatchSize"/> when
    /// set; otherwise max(<see cref="AutoBatchMinimum"/>, ⌈positives / <see cref="AutoBatchSteps"/>⌉) in full-graph mode
    /// (Last.fm and Ciao keep 8192; a million interactions take about 41k) and <see cref="AutoBatchMinimum"/> in
    /// mini-batch mode, whose steps grow with their batch.
    /// </summary>
    public int AutoBatch(int positives) => BatchSize > 0 ? BatchSize
        : Mode == TrainMode.MiniBatch ? AutoBatchMinimum
        : Math.Max(AutoBatchMinimum, (positives + AutoBatchSteps - 1) / AutoBatchSteps);

    /// <summary>Adam learning rate (default 0.002).</summary>
    public double LearningRate { get; init; } = 0.002;

    /// <summary>
    /// L2 penalty on the mean squared norm of the vectors a step scores (default 0.016). Strong on purpose: a long-tail
    /// item gets little ranking gradient against it and stays short, a popularity prior that sparse catalogues reward.
    /// </summary>
    public double L2 { get; init; } = 0.016;

    /// <summary>
    /// L2 penalty of the friend task's vectors (default null: <see cref="L2"/>). A penalty that suits the content task
    /// can hold the friend vectors near zero, where the friend loss stays at ln 2 and the task does not learn.
    /// </summary>
    public double? FriendL2 { get; init; }

    /// <summary>
    /// Random candidates per positive from which the highest-scoring non-positive becomes the BPR negative
    /// (default 32; 1 = plain uniform sampling). Larger values give harder negatives.
    /// </summary>
    public int NegativeCandidates { get; init; } = 32;

    /// <summary>The ranking loss of both tasks (default <see cref="LossKind.Bpr"/>).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<LossKind>))]
    public LossKind Loss { get; init; } = LossKind.Bpr;

    /// <summary>
    /// With <see cref="LossKind.Softmax"/>: uniform negatives drawn per step and task, shared by all its positives
    /// (default 1024; capped at the number of columns).
    /// </summary>
    public int SharedNegatives { get; init; } = 1024;

    /// <summary>With <see cref="LossKind.Softmax"/>: the temperature dividing every score (default 1).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>
    /// Give the friend score its structural term, β · Adamic-Adar over the follow graph
    /// (<c>GraphAttn.Serving.Embeddings.FriendStructure</c>), with β fitted on held-out friendships after training
    /// (<see cref="FriendStructureFit"/>; default true).
    /// </summary>
    public bool FriendStructure { get; init; } = true;

    /// <summary>
    /// With <see cref="FriendStructure"/>: the share of the training graph's friendships held out of training to fit β
    /// (default 0.1, as many as the test split holds out of the whole graph).
    /// </summary>
    public double FriendValidationShare { get; init; } = 0.1;

    /// <summary>
    /// Add γ · s_GF to the content score: the graph filter (GF-CF) over the training interactions, with γ fitted on the
    /// validation interactions after training (<see cref="ContentFilterFit"/>; default true).
    /// </summary>
    public bool ContentFilter { get; init; } = true;

    /// <summary>
    /// Share of a step's users trained as if they had no history (<see cref="WholeHistoryDropout"/>): their interactions
    /// and history rows are hidden for that step, so the model learns to embed a new user from followees alone
    /// (default 0.1; 0 turns it off).
    /// </summary>
    public double WholeHistoryDropout { get; init; } = 0.1;

    /// <summary>Weight of the friend BPR loss next to the content loss (default 1).</summary>
    public double FriendWeight { get; init; } = 1.0;

    /// <summary>Epochs without a better validation NDCG@20 before a plateau (default 4).</summary>
    public int Patience { get; init; } = 4;

    /// <summary>
    /// How many times a plateau lowers the learning rate instead of ending training (default 2; 0: the first plateau ends
    /// it). When <see cref="Patience"/> epochs pass without a better validation score, training goes back to the best
    /// weights and continues at <see cref="LearningRateDecayFactor"/> times the learning rate, with fresh patience.
    /// </summary>
    public int LearningRateDecays { get; init; } = 2;

    /// <summary>Factor applied to the learning rate at each plateau decay (default 0.5).</summary>
    public double LearningRateDecayFactor { get; init; } = 0.5;

    /// <summary>
    /// Decay of an exponential moving average of the weights, updated after every step (default 0.95; 0: off). With a value
    /// in (0, 1), validation, early stopping and the returned model use the averaged weights; training goes on from
    /// the raw ones.
    /// </summary>
    public double WeightAverage { get; init; } = 0.95;

    /// <summary>Seed of every random choice (default 2026).</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Full-graph (default) or mini-batch steps with neighbour sampling.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<TrainMode>))]
    public TrainMode Mode { get; init; } = TrainMode.Full;

    /// <summary>In-edges sampled per target and relation in <see cref="TrainMode.MiniBatch"/> (default 10 each).</summary>
    public FanOut FanOut { get; init; } = new();

    /// <summary>
    /// In <see cref="TrainMode.MiniBatch"/>, pick each hard negative by scoring its candidates against the vectors of
    /// the last full-neighbour embedding pass (refreshed every epoch, so at most one epoch stale) instead of the
    /// current model's: a step then computes only rows, positives and the chosen negatives, not every candidate
    /// (default false: candidates are scored with the current model, as in full-graph training).
    /// </summary>
    public bool StaleNegatives { get; init; }

    /// <summary>
    /// In <see cref="TrainMode.Full"/>, draw each friend positive's negative candidates from the step's own users
    /// (content rows, followers, followees) instead of from every user (default true). A candidate needs its vector
    /// computed, so uniform candidates make every step compute nearly every user; with this, a step computes only the
    /// users it scores.
    /// </summary>
    public bool StepFriendNegatives { get; init; } = true;

    /// <summary>
    /// Targets per chunk when mini-batch training computes validation embeddings with full neighbourhoods
    /// (default 4096): bounds that pass's memory the way <see cref="BatchSize"/> bounds a step's.
    /// </summary>
    public int EmbedChunk { get; init; } = 4096;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Epochs <= 0) throw new ArgumentException($"Epochs must be positive, got {Epochs}");
        if (BatchSize < 0) throw new ArgumentException($"BatchSize must not be negative (0 = automatic), got {BatchSize}");
        if (LearningRate <= 0) throw new ArgumentException($"LearningRate must be positive, got {LearningRate}");
        if (NegativeCandidates <= 0) throw new ArgumentException($"NegativeCandidates must be positive, got {NegativeCandidates}");
        if (L2 < 0 || FriendL2 < 0) throw new ArgumentException($"L2 penalties must not be negative, got {L2} and {FriendL2}");
        if (SharedNegatives <= 0) throw new ArgumentException($"SharedNegatives must be positive, got {SharedNegatives}");
        if (!(Temperature > 0)) throw new ArgumentException($"Temperature must be positive, got {Temperature}");
        if (Loss == LossKind.Softmax && StaleNegatives)
            throw new ArgumentException("StaleNegatives chooses one hard negative per positive and does not apply to the softmax loss");
        if (FriendValidationShare is <= 0 or >= 1 || double.IsNaN(FriendValidationShare))
            throw new ArgumentException($"FriendValidationShare must lie in (0, 1), got {FriendValidationShare}");
        if (WholeHistoryDropout is < 0 or >= 1 || double.IsNaN(WholeHistoryDropout))
            throw new ArgumentException($"WholeHistoryDropout must lie in [0, 1), got {WholeHistoryDropout}");
        if (EmbedChunk <= 0) throw new ArgumentException($"EmbedChunk must be positive, got {EmbedChunk}");
        if (FanOut.Follows <= 0 || FanOut.Interactions <= 0 || FanOut.ContentUsers <= 0)
            throw new ArgumentException($"FanOut must be positive, got {FanOut}");
        if (Patience <= 0) throw new ArgumentException($"Patience must be positive, got {Patience}");
        if (LearningRateDecays < 0) throw new ArgumentException($"LearningRateDecays must not be negative, got {LearningRateDecays}");
        if (LearningRateDecayFactor is <= 0 or >= 1 || double.IsNaN(LearningRateDecayFactor))
            throw new ArgumentException($"LearningRateDecayFactor must lie in (0, 1), got {LearningRateDecayFactor}");
        if (WeightAverage is < 0 or >= 1 || double.IsNaN(WeightAverage))
            throw new ArgumentException($"WeightAverage must lie in [0, 1), got {WeightAverage}");
    }
}
