using System.Globalization;

namespace GraphAttn.Embedding.Batching;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: a contiguous range of the global batches, so shards together cover
/// every batch exactly once. Written "i/n" on the command line (0-based, as a Kubernetes Indexed Job's index).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole run in one process: shard 0 of 1.</summary>
    public static ShardSpec Single { get; } = new(0, 1);

    /// <summary>Whether this is the whole run.</summary>
    public bool IsSingle => Count == 1;

    /// <summary>Batches [first, end) of <paramref name="batches"/> assigned to this shard (balanced, contiguous).</summary>
    public (int First, int End) BatchRange(int batches) =>
        ((int)((long)batches * Index / Count), (int)((long)batches * (Index + 1) / Count));

    /// <summary>Parses "i/n" with 0 &lt;= i &lt; n.</summary>
    /// <exception cref="FormatException">The text is not "i/n" or i is out of range, e.g. "3/2".</exception>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new FormatException($"shard '{text}' is not of the form i/n (e.g. 0/4)");
        return Create(index, count);
    }

    /// <summary>Checks 0 &lt;= index &lt; count.</summary>
    /// <exception cref="FormatException">Out of range.</exception>
    public static ShardSpec Create(int index, int count)
    {
        if (count < 1) throw new FormatException($"shard count must be at least 1, got {count}");
        if (index < 0 || index >= count)
            throw new FormatException($"shard index {index} is outside 0..{count - 1} (shards are numbered from 0 to n-1)");
        return new ShardSpec(index, count);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
