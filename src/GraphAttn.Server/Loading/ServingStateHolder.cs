using GraphAttn.Graph.Live;
using GraphAttn.Serving;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Server.Loading;

/// <summary>
/// Holds what is served: the <see cref="ServedGraph"/> (state and live overlay) that <see cref="Writer"/> publishes.
/// Publishing swaps one reference, so a request that read it keeps a consistent graph for its whole duration.
/// </summary>
public sealed class ServingStateHolder(LiveGraphWriter writer)
{
    private volatile string? _staleReason;

    /// <summary>The one writer of the served graph (events, extensions, compactions).</summary>
    public LiveGraphWriter Writer => writer;

    /// <summary>The state in force, or null while the first load is running.</summary>
    public ServingState? Current => writer.Current?.State;

    /// <summary>The state and overlay in force, or null while the first load is running.</summary>
    public ServedGraph? Served => writer.Current;

    /// <summary>
    /// Why the state served is not fresh from the source (a cached graph served while the source is unreachable), or
    /// null when it is. Health reports not-ready while this is set, yet requests are answered.
    /// </summary>
    public string? StaleReason => _staleReason;

    /// <summary>Serves <paramref name="state"/>, fresh from its source, with <paramref name="replay"/> applied on top.</summary>
    public async Task<BatchOutcome> PublishAsync(ServingState state, IReadOnlyList<GraphEvent> replay, CancellationToken ct)
    {
        var outcome = await writer.ResetAsync(state, replay, ct);
        _staleReason = null;
        return outcome;
    }

    /// <summary>Serves a cached state while the source is unreachable, with the reason health reports.</summary>
    public async Task PublishStaleAsync(ServingState state, IReadOnlyList<GraphEvent> replay, string reason, CancellationToken ct)
    {
        await writer.ResetAsync(state, replay, ct);
        _staleReason = reason;
    }

    /// <summary>The state in force, or UNAVAILABLE while loading (clients may retry).</summary>
    public ServingState Require() => RequireServed().State;

    /// <summary>The state and overlay in force, or UNAVAILABLE while loading (clients may retry).</summary>
    public ServedGraph RequireServed() =>
        writer.Current ?? throw new RetryLaterException("The graph is still loading; retry shortly.", TimeSpan.FromSeconds(1));
}
