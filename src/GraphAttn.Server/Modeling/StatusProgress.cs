namespace GraphAttn.Server.Modeling;

/// <summary>
/// Progress that updates the model status on the reporting thread, before the report call returns. The framework's
/// <see cref="Progress{T}"/> posts each report to the thread pool instead, so the last epoch's report could land
/// after the service had set the phase to Live and leave GetServiceInfo saying "Training" for good.
/// </summary>
internal sealed class StatusProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
