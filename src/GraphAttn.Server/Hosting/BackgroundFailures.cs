using System.Collections.Concurrent;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// What background work has failed and not recovered since (training, loading snapshots, writing model files),
/// for GetServiceInfo. Background work never takes the host down: it reports here and in the log, and the server
/// keeps answering with what it has (baselines, the previous snapshot).
/// </summary>
public sealed class BackgroundFailures(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failure> _failures = new(StringComparer.Ordinal);

    /// <summary>Records (or replaces) the failure of <paramref name="component"/>.</summary>
    public void Report(string component, string message) => _failures[component] = new Failure(component, message, clock.GetUtcNow());

    /// <summary>Forgets the failure of <paramref name="component"/> (it has recovered).</summary>
    public void Clear(string component) => _failures.TryRemove(component, out _);

    /// <summary>Current failures, by component name.</summary>
    public IReadOnlyList<Failure> Current => _failures.Values.OrderBy(f => f.Component, StringComparer.Ordinal).ToList();

    /// <summary>One failed component.</summary>
    /// <param name="Component">"model", "snapshot_store", "snapshot_write", "checkpoint_write", "graph_cache" or "retention".</param>
    /// <param name="Message">The problem in words.</param>
    /// <param name="At">When it was last seen.</param>
    public sealed record Failure(string Component, string Message, DateTimeOffset At);
}
