namespace GraphAttn.Embedding.Batching;

/// <summary>Settings of a batch embedding run.</summary>
public sealed record EmbedOptions
{
    /// <summary>
    /// Targets per batch B (default 4,096). Batch b holds users [b*B, (b+1)*B) (contents likewise), whatever the shard,
    /// so every shard computes the rows a single process would. Memory per batch grows with B and the batch's degrees.
    /// </summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Followees kept per user in the snapshot's friend attention (default 10, strongest first).</summary>
    public int TopFriends { get; init; } = 10;

    /// <summary>History items kept per user in the snapshot's history attention (default 10, strongest first).</summary>
    public int TopHistory { get; init; } = 10;

    /// <summary>Which slice of the batches to compute (default: all, shard 0 of 1).</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Single;

    /// <summary>Creation time written into the snapshot; null = now. Set it to make two runs byte-identical.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Model id written into the snapshot; null = derived from the checkpoint metadata.</summary>
    public string? ModelId { get; init; }

    /// <summary>Checks the sizes.</summary>
    /// <exception cref="ArgumentException">A size is not positive (top-k may be 0).</exception>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        if (TopFriends < 0 || TopHistory < 0)
            throw new ArgumentException($"top friends / history must not be negative, got {TopFriends} / {TopHistory}");
    }
}
