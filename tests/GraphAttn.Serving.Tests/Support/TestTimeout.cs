namespace GraphAttn.Serving.Tests.Support;

/// <summary>Bounds every awaited call so that a hang fails the test in seconds.</summary>
internal static class TestTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Default);

    public static Task Within(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Default);

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
