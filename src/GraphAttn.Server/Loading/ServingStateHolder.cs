using GraphAttn.Serving;
using GraphAttn.Serving.Events;
using GraphAttn.Serving.State;

namespace GraphAttn.Server.Loading;

/// <summary>
/// Holds the state being served and the live events overlaid on it. Publishing swaps one reference, so a request
/// that read <see cref="Current"/> keeps a consistent state for its whole duration.
/// </summary>
public sealed class ServingStateHolder
{
    private volatile ServingState? _current;
    private volatile string? _staleReason;

    /// <summary>The state in force, or null while the first load is running.</summary>
    public ServingState? Current => _current;

    /// <summary>Live events recorded through EventService.</summary>
    public LiveEvents Events { get; } = new();

    /// <summary>
    /// Why the state served is not fresh from the source (a cached graph served while the source is unreachable), or
    /// null when it is. Health reports not-ready while this is set, yet requests are answered.
    /// </summary>
    public string? StaleReason => _staleReason;

    /// <summary>Makes <paramref name="state"/> the one answered from, fresh from its source.</summary>
    public void Publish(ServingState state)
    {
        _current = state;
        _staleReason = null;
    }

    /// <summary>Serves a cached state while the source is unreachable, with the reason health reports.</summary>
    public void PublishStale(ServingState state, string reason)
    {
        _current = state;
        _staleReason = reason;
    }

    /// <summary>The state in force, or UNAVAILABLE while loading (clients may retry).</summary>
    public ServingState Require() =>
        _current ?? throw new RetryLaterException("The graph is still loading; retry shortly.", TimeSpan.FromSeconds(1));
}
