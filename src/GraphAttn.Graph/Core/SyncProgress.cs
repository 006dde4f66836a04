namespace GraphAttn.Graph;

/// <summary>
/// Progress that runs its handler on the reporting thread, before <see cref="Report"/> returns. The framework's
/// <see cref="Progress{T}"/> posts each report to the thread pool, so reports can arrive late and out of order
/// with what the reporter does next: a stage's timing comes out wrong, or a last training epoch's report overwrites a
/// status set after training ended.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
