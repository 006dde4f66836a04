namespace GraphAttn.Serving.Store;

/// <summary>What a reload did.</summary>
public enum SnapshotReloadOutcome
{
    /// <summary>A newer valid snapshot was loaded and swapped in.</summary>
    Swapped,

    /// <summary>The snapshot being served is still the newest valid one.</summary>
    Unchanged,

    /// <summary>Nothing is served: the folder has no valid snapshot.</summary>
    NoSnapshot,
}

/// <summary>Result of <see cref="SnapshotStore.ReloadAsync"/>.</summary>
/// <param name="Outcome">Whether the served snapshot changed.</param>
/// <param name="Current">The file served after the reload, if any.</param>
/// <param name="Rejected">Newer files skipped because they are invalid, with the reason.</param>
public sealed record SnapshotReloadResult(
    SnapshotReloadOutcome Outcome, SnapshotFileInfo? Current, IReadOnlyList<(string Path, string Problem)> Rejected);
