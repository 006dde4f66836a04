using GraphAttn.Graph;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Model.Inference;

/// <summary>
/// The last L interactions of a block's target users, most recent first, in GLOBAL content indices (the same layout as
/// <see cref="HistoryBatch"/>, restricted to T rows). Arrays are [T * L]: content index (0 where padded), kind (0-4),
/// age bucket, padding flag.
/// </summary>
public sealed class BlockHistory
{
    private BlockHistory(int targets, int length)
    {
        Targets = targets;
        Length = length;
        Items = new long[targets * length];
        Kinds = new long[targets * length];
        Ages = new long[targets * length];
        Padding = new bool[targets * length];
    }

    /// <summary>Rows T.</summary>
    public int Targets { get; }

    /// <summary>L.</summary>
    public int Length { get; }

    /// <summary>[T * L] global content indices.</summary>
    public long[] Items { get; }

    /// <summary>[T * L] kinds.</summary>
    public long[] Kinds { get; }

    /// <summary>[T * L] log2 age buckets relative to the user's newest interaction.</summary>
    public long[] Ages { get; }

    /// <summary>[T * L] true where padded.</summary>
    public bool[] Padding { get; }

    /// <summary>Copies the rows of <paramref name="users"/> from a whole-graph history batch.</summary>
    public static BlockHistory FromBatch(HistoryBatch batch, ReadOnlySpan<int> users)
    {
        var block = new BlockHistory(users.Length, batch.Length);
        var l = batch.Length;
        for (var t = 0; t < users.Length; t++)
        {
            var from = users[t] * l;
            batch.Items.AsSpan(from, l).CopyTo(block.Items.AsSpan(t * l));
            batch.Kinds.AsSpan(from, l).CopyTo(block.Kinds.AsSpan(t * l));
            batch.Ages.AsSpan(from, l).CopyTo(block.Ages.AsSpan(t * l));
            batch.Padding.AsSpan(from, l).CopyTo(block.Padding.AsSpan(t * l));
        }
        return block;
    }

    /// <summary>A copy of <paramref name="block"/> whose rows marked in <paramref name="empty"/> are all padding.</summary>
    public static BlockHistory Masked(BlockHistory block, IReadOnlyList<bool> empty)
    {
        var copy = new BlockHistory(block.Targets, block.Length);
        block.Items.CopyTo(copy.Items, 0);
        block.Kinds.CopyTo(copy.Kinds, 0);
        block.Ages.CopyTo(copy.Ages, 0);
        block.Padding.CopyTo(copy.Padding, 0);
        for (var t = 0; t < block.Targets; t++)
        {
            if (!empty[t]) continue;
            var row = t * block.Length;
            copy.Items.AsSpan(row, block.Length).Clear();
            copy.Kinds.AsSpan(row, block.Length).Clear();
            copy.Ages.AsSpan(row, block.Length).Clear();
            copy.Padding.AsSpan(row, block.Length).Fill(true);
        }
        return copy;
    }

    /// <summary>
    /// One row from explicit events, newest first (extra events beyond L are ignored). Ages follow
    /// <see cref="HistoryBatch"/>: floor(log2(1 + days before the newest event)), capped at <paramref name="timeBuckets"/> - 1.
    /// </summary>
    public static BlockHistory FromEvents(IReadOnlyList<(int Content, InteractionKind Kind, long TimestampMs)> newestFirst,
        int length, int timeBuckets)
    {
        var block = new BlockHistory(1, length);
        var latest = newestFirst.Count > 0 ? newestFirst[0].TimestampMs : 0;
        for (var p = 0; p < length; p++)
        {
            if (p >= newestFirst.Count)
            {
                block.Padding[p] = true;
                continue;
            }
            var (content, kind, ts) = newestFirst[p];
            block.Items[p] = content;
            block.Kinds[p] = (long)kind;
            var days = Math.Max(0, (latest - ts) / 86_400_000.0);
            block.Ages[p] = Math.Min(timeBuckets - 1, (long)Math.Log2(1 + days));
        }
        return block;
    }
}
