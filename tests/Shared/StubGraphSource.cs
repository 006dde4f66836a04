using GraphAttn.Graph;

namespace GraphAttn.Tests.Shared;

/// <summary>
/// A graph source whose loads are scripted: each load takes the next graph (or exception) from a queue and can be
/// held until the test releases it, to observe the server while loading.
/// </summary>
internal sealed class StubGraphSource(params Func<SocialGraph>[] loads) : IGraphSource
{
    private int _next;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Describe => "stub:test";

    public static StubGraphSource Ready(params Func<SocialGraph>[] loads)
    {
        var source = new StubGraphSource(loads);
        source.Gate.SetResult();
        return source;
    }

    public async Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct)
    {
        await Gate.Task.WaitAsync(ct);
        var load = loads[Math.Min(Interlocked.Increment(ref _next) - 1, loads.Length - 1)];
        return load();
    }
}
