namespace GraphAttn.Serving.Snapshots;

/// <summary>Descriptive part of a snapshot header: which model on which graph produced it, and when.</summary>
/// <param name="ModelId">Identifier of the model (checkpoint) that computed the embeddings.</param>
/// <param name="GraphFingerprint">Fingerprint of the graph the embeddings were computed on.</param>
/// <param name="CreatedAt">When the snapshot was produced (millisecond precision is kept).</param>
public sealed record SnapshotHeader(string ModelId, string GraphFingerprint, DateTimeOffset CreatedAt)
{
    /// <summary>Format version the snapshot was read with or will be written with.</summary>
    public int FormatVersion { get; init; } = SnapshotFormat.Version;
}
