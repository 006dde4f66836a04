using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Neo4j.Driver;

/// <summary>
/// Retries work that failed with a retryable error (<see cref="Neo4jException.CanBeRetried"/>: transient server
/// errors, lost connections) with exponential backoff and jitter inside a time budget, as the official drivers
/// do: first delay 1 s, multiplied by 2 each time, randomised by +-20 %, no new attempt once 30 s have passed.
/// The clock and the delay are injectable so tests need not wait.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Delay before the first retry (default 1 s).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Factor applied to the delay after each retry (default 2).</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Relative jitter: each delay is scaled by a random factor in [1-j, 1+j] (default 0.2).</summary>
    public double JitterFactor { get; init; } = 0.2;

    /// <summary>No retry starts after this much time since the first attempt (default 30 s).</summary>
    public TimeSpan MaxRetryTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How to wait (default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>Source of jitter (seed it in tests).</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>Runs <paramref name="work"/>, retrying retryable failures; the last failure is rethrown.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, TimeProvider time, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        var delay = InitialDelay;
        while (true)
        {
            try
            {
                return await work(ct).ConfigureAwait(false);
            }
            catch (Neo4jException e) when (e.CanBeRetried && time.GetElapsedTime(start) < MaxRetryTime)
            {
                var jitter = 1 + JitterFactor * (2 * Random.NextDouble() - 1);
                await Delay(delay * jitter, ct).ConfigureAwait(false);
                delay *= Multiplier;
            }
        }
    }
}
