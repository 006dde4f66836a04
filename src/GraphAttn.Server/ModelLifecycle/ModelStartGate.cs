namespace GraphAttn.Server.ModelLifecycle;

/// <summary>
/// An optional hold on <see cref="ModelLifecycleService"/>: when one is registered, the service loads the graph but
/// brings no model in until <see cref="Open"/> is called. Hosts that want the baselines-only phase to last (a
/// deployment that warms caches first, or a test that must observe that phase, which on a small graph can otherwise
/// end within a second) register one; without it the model starts at once.
/// </summary>
public sealed class ModelStartGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the model service go on (idempotent).</summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Completes once <see cref="Open"/> has been called.</summary>
    public Task Opened => _opened.Task;
}
