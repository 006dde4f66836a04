namespace GraphAttn.Server.Options;

/// <summary>
/// Configuration section "GraphAttn:Retention": what the server removes from its own folders, at start and after
/// it writes a snapshot. The snapshot being served and the checkpoint in use are never removed.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Newest snapshot files kept in the snapshot folder (0: keep all). Default 3.</summary>
    public int Snapshots { get; set; } = 3;

    /// <summary>Newest cached checkpoint folders kept under DataPath/checkpoints (0: keep all). Default 3.</summary>
    public int Checkpoints { get; set; } = 3;

    /// <summary>
    /// Minutes a temporary file (<c>*.tmp</c>, <c>.staging-*</c>) must be untouched before it counts as stray and is
    /// removed at start. Default 60: a batch job may be writing into a shared snapshot folder at that moment.
    /// </summary>
    public double StrayMinutes { get; set; } = 60;
}
