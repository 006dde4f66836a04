namespace GraphAttn.Embedding.Batching;

/// <summary>Progress of an embedding run, reported after every batch.</summary>
/// <param name="Stage">"users" or "contents".</param>
/// <param name="Done">Targets of this stage done so far (this shard).</param>
/// <param name="Total">Targets of this stage in this shard.</param>
/// <param name="Elapsed">Time spent in this stage.</param>
public sealed record EmbedProgress(string Stage, long Done, long Total, TimeSpan Elapsed)
{
    /// <summary>Targets per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left for this stage at the current rate (null before the first batch).</summary>
    public TimeSpan? Eta => Done > 0 && Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;

    /// <summary>One log line, e.g. "users 8192/100000 (8.2%) 1523 users/s, ETA 00:57".</summary>
    public override string ToString() =>
        $"{Stage} {Done}/{Total} ({(Total == 0 ? 100 : 100.0 * Done / Total):F1}%) {Rate:F0} {Stage}/s" +
        (Eta is { } eta ? $", ETA {eta:hh\\:mm\\:ss}" : "");
}
