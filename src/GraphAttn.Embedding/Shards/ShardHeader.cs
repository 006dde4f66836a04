using GraphAttn.Embedding.Batching;

namespace GraphAttn.Embedding.Shards;

/// <summary>What identifies a shard file's run: merging requires every shard to agree on all but <see cref="Shard"/>'s index.</summary>
/// <param name="ModelId">Model id of the checkpoint.</param>
/// <param name="GraphFingerprint">Fingerprint of the embedded graph.</param>
/// <param name="Shard">Which shard of how many.</param>
/// <param name="BatchSize">Global batch size the ranges were cut with.</param>
/// <param name="CreatedAt">When the shard was computed (informational; the merge sets the snapshot's time).</param>
public sealed record ShardHeader(string ModelId, string GraphFingerprint, ShardSpec Shard, int BatchSize, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The checkpoint's friend structure weight β, carried so the merged snapshot has it; shards of one run come from one
    /// checkpoint, so they must agree on it. 0 for shards written before it existed.
    /// </summary>
    public float FriendStructureWeight { get; init; }

    /// <summary>The checkpoint's content filter weight γ, carried and checked like β. 0 for shards written before it existed.</summary>
    public float ContentFilterWeight { get; init; }
}
