using GraphAttn.Graph;

namespace GraphAttn.Model.Modeling;

/// <summary>
/// Every user's last L interactions as fixed-width rows, most recent first (column 0), right-padded.
/// Arrays are [U * L]: content index (0 where padded), kind index (0-4), age bucket, and a padding flag.
/// </summary>
public sealed class HistoryBatch
{
    private HistoryBatch(int users, int length)
    {
        Users = users;
        Length = length;
        Items = new long[users * length];
        Kinds = new long[users * length];
        Ages = new long[users * length];
        Padding = new bool[users * length];
    }

    /// <summary>U.</summary>
    public int Users { get; }

    /// <summary>L.</summary>
    public int Length { get; }

    /// <summary>[U * L] content indices.</summary>
    public long[] Items { get; }

    /// <summary>[U * L] interaction kinds.</summary>
    public long[] Kinds { get; }

    /// <summary>[U * L] age buckets: floor(log2(1 + days before the user's latest interaction)), capped.</summary>
    public long[] Ages { get; }

    /// <summary>[U * L] true where the slot is padding.</summary>
    public bool[] Padding { get; }

    /// <summary>Builds the rows from the graph's time-ordered interaction log, in <see cref="HistoryOrder"/>.</summary>
    public static HistoryBatch From(InteractionLog log, int length, int timeBuckets)
    {
        var batch = new HistoryBatch(log.UserCount, length);
        for (var u = 0; u < log.UserCount; u++)
        {
            var (start, end) = (log.Offsets[u], log.Offsets[u + 1]);
            var latest = end > start ? log.Timestamps[end - 1] : 0;
            var window = HistoryOrder.NewestFirst(log.Timestamps.AsSpan(start, end - start), log.Weights.AsSpan(start, end - start), length);
            for (var p = 0; p < length; p++)
            {
                var slot = u * length + p;
                if (p >= window.Length)
                {
                    batch.Padding[slot] = true;
                    continue;
                }
                var i = start + window[p];
                batch.Items[slot] = log.Content[i];
                batch.Kinds[slot] = (long)log.Kinds[i];
                var days = Math.Max(0, (latest - log.Timestamps[i]) / 86_400_000.0);
                batch.Ages[slot] = Math.Min(timeBuckets - 1, (long)Math.Log2(1 + days));
            }
        }
        return batch;
    }
}
