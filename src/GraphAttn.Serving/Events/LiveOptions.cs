namespace GraphAttn.Serving.Events;

/// <summary>How the overlay of live edits is kept small (configuration section GraphAttn:Sync).</summary>
public sealed record LiveOptions
{
    /// <summary>Compact once the overlay holds this many events (default 100,000).</summary>
    public int CompactEvents { get; init; } = 100_000;

    /// <summary>Compact an overlay with any event once it is this old (default 300 s).</summary>
    public TimeSpan CompactAfter { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Event ids remembered for idempotency (default 1,000,000, about 28 MB).</summary>
    public int DedupeWindow { get; init; } = 1_000_000;

    /// <summary>
    /// After a compaction swaps its graph in, run one blocking, compacting full garbage collection that returns freed
    /// memory to the operating system (default true). Each compaction leaves the previous graph's large arrays behind;
    /// the new ones are a little larger, so without compacting the large-object heap they rarely fit the freed space,
    /// and resident memory climbs with every compaction.
    /// </summary>
    public bool CollectAfterCompaction { get; init; } = true;
}
