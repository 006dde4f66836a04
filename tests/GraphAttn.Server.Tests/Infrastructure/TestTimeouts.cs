namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>Every awaited call in these tests is bounded, so a hang fails in seconds instead of stalling CI.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(20);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Call);

    public static Task Bounded(this Task task) => task.WaitAsync(Call);

    public static async Task<T> Bounded<T>(this Grpc.Core.AsyncUnaryCall<T> call) => await call.ResponseAsync.WaitAsync(Call);
}
