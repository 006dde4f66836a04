using System.Globalization;

namespace GraphAttn.Serving.Snapshots;

/// <summary>Descriptive part of a snapshot header: which model on which graph produced it, and when.</summary>
/// <param name="ModelId">Identifier of the model (checkpoint) that computed the embeddings.</param>
/// <param name="GraphFingerprint">Fingerprint of the graph the embeddings were computed on.</param>
/// <param name="CreatedAt">When the snapshot was produced (millisecond precision is kept).</param>
public sealed record SnapshotHeader(string ModelId, string GraphFingerprint, DateTimeOffset CreatedAt)
{
    private readonly float _friendStructureWeight;
    private readonly float _contentFilterWeight;

    /// <summary>Format version the snapshot was read with or will be written with.</summary>
    public int FormatVersion { get; init; } = SnapshotFormat.Version;

    /// <summary>
    /// Weight β of the structural term in the model's friend score, score(u, v) = friend_u · friend_v + β · AA(u, v)
    /// (AA: Adamic-Adar over the undirected follow graph). Learned with the model and copied from its checkpoint, so
    /// the server ranks follow candidates exactly as the model was trained and evaluated. 0 (every file before format
    /// version 3) means embeddings only.
    /// </summary>
    /// <exception cref="ArgumentException">The weight is NaN, infinite or negative.</exception>
    public float FriendStructureWeight
    {
        get => _friendStructureWeight;
        init
        {
            if (ProblemWith(value) is { } problem)
            {
                throw new ArgumentException($"Friend structure weight {problem}.", nameof(FriendStructureWeight));
            }

            _friendStructureWeight = value;
        }
    }

    /// <summary>
    /// Weight γ of the graph-filter term in the model's content score, score(u, c) = user_u · content_c + γ · GF(u, c)
    /// (GF: the training-free graph filter over the interactions of the graph served). Copied from the checkpoint like
    /// β. 0 (every file before format version 4) means embeddings only.
    /// </summary>
    /// <exception cref="ArgumentException">The weight is NaN, infinite or negative.</exception>
    public float ContentFilterWeight
    {
        get => _contentFilterWeight;
        init
        {
            if (ProblemWith(value) is { } problem)
            {
                throw new ArgumentException($"Content filter weight {problem}.", nameof(ContentFilterWeight));
            }

            _contentFilterWeight = value;
        }
    }

    /// <summary>Why <paramref name="weight"/> cannot be a score term's weight (β, γ), or null when it can.</summary>
    internal static string? ProblemWith(float weight) =>
        float.IsFinite(weight) && weight >= 0f
            ? null
            : $"{weight.ToString(CultureInfo.InvariantCulture)} is not a finite non-negative number";
}
