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
}
