using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Checkpoints;

/// <summary>The JSON half of a checkpoint (checkpoint.json); the weights are in model.dat next to it.</summary>
public sealed record CheckpointMetadata
{
    /// <summary>Checkpoint version: 1 (no id tables) or 2 (ids.json next to it); set by <see cref="Checkpoint.Save"/>.</summary>
    public int Version { get; init; } = 1;

    /// <summary>When the checkpoint was written (UTC).</summary>
    public DateTime CreatedUtc { get; init; }

    /// <summary>Where the graph came from, e.g. csv:graph-seeds/demo.</summary>
    public string Source { get; init; } = "";

    /// <summary>Fingerprint of the complete graph.</summary>
    public string GraphFingerprint { get; init; } = "";

    /// <summary>Fingerprint of the training graph (complete graph minus held-out parts).</summary>
    public string TrainFingerprint { get; init; } = "";

    /// <summary>How the held-out parts were chosen.</summary>
    public string Split { get; init; } = "";

    /// <summary>Node counts the weights are shaped for.</summary>
    public int Users { get; init; }

    /// <summary>Content count.</summary>
    public int Contents { get; init; }

    /// <summary>Topic count.</summary>
    public int Topics { get; init; }

    /// <summary>Model hyper-parameters.</summary>
    public ModelOptions Model { get; init; } = new();

    /// <summary>Training settings.</summary>
    public TrainOptions Training { get; init; } = new();

    /// <summary>
    /// Weight β of the structural term in the friend score: score(u, v) = friend_u · friend_v + β · AA(u, v), with AA
    /// the Adamic-Adar index over the undirected follow graph (<c>GraphAttn.Graph.Baselines.AdamicAdar</c>). Fitted on
    /// friendships held out of training; 0 (checkpoints written before it existed, or trained without it) means
    /// embeddings only.
    /// </summary>
    public double FriendStructureWeight { get; init; }

    /// <summary>
    /// Weight γ of the graph-filter term in the content score: score(u, c) = user_u · content_c + γ · GF(u, c), with GF
    /// the training-free graph filter over the interactions (<c>GraphAttn.Graph.Baselines.GraphFilter</c>). Fitted on
    /// validation after training; 0 (checkpoints written before it existed, or trained without it) means embeddings only.
    /// </summary>
    public double ContentFilterWeight { get; init; }

    /// <summary>Metrics on the held-out friendships β was fitted on (empty without the structural term).</summary>
    public IReadOnlyDictionary<string, double> FriendValidation { get; init; } = new Dictionary<string, double>();

    /// <summary>Epoch whose weights were kept.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Epochs run.</summary>
    public int EpochsRun { get; init; }

    /// <summary>Training wall time in seconds.</summary>
    public double TrainSeconds { get; init; }

    /// <summary>Content validation metrics of the kept epoch.</summary>
    public IReadOnlyDictionary<string, double> Validation { get; init; } = new Dictionary<string, double>();

    /// <summary>Test metrics per task ("content", "friends").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Test { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();
}
