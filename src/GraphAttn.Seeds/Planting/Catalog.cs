namespace GraphAttn.Seeds.Planting;

/// <summary>
/// Planted content. Content indices follow creation time (index order = <see cref="CreatedAt"/> order), so every
/// per-topic list below is sorted by creation time as well.
/// </summary>
internal sealed class Catalog
{
    /// <summary>Content -> creation time, epoch ms, ascending; POSTED carries the same time.</summary>
    public required long[] CreatedAt { get; init; }

    /// <summary>Content -> posting user.</summary>
    public required int[] Author { get; init; }

    /// <summary>Content -> 1-3 distinct topics (weights unused, all 1).</summary>
    public required SparseRows Topics { get; init; }

    /// <summary>Content -> heavy-tailed appeal (Pareto), the popularity skew of interactions.</summary>
    public required double[] Appeal { get; init; }

    /// <summary>Topic -> its contents in creation order: <c>TopicContents[TopicOffsets[t]..TopicOffsets[t+1]]</c>.</summary>
    public required int[] TopicOffsets { get; init; }

    /// <summary>Contents of every topic, concatenated.</summary>
    public required int[] TopicContents { get; init; }

    /// <summary>Running sum of appeal within each topic's segment (inclusive), for prefix sampling.</summary>
    public required double[] TopicCumulativeAppeal { get; init; }

    /// <summary>Running sum of appeal over all contents, for the fallback when a topic has nothing yet.</summary>
    public required double[] CumulativeAppeal { get; init; }

    public int Count => CreatedAt.Length;

    public long TagCount => Topics.Columns.LongLength;
}
