namespace GraphAttn.Tests.Shared;

/// <summary>Every awaited call in the tests is bounded, so a hang fails in seconds instead of stalling CI.</summary>
internal static class TestTimeouts
{
    /// <summary>The bound unless a test names another: 30 s.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Default);

    public static Task Within(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Default);

    public static Task<T> Within<T>(this Task<T> task, int seconds) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static Task Within(this Task task, int seconds) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        DateTime deadline = DateTime.UtcNow + (limit ?? Default);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
