namespace GraphAttn.Tests.Shared;

/// <summary><see cref="TestTimeouts"/> for gRPC unary calls.</summary>
internal static class GrpcTimeouts
{
    public static async Task<T> Within<T>(this Grpc.Core.AsyncUnaryCall<T> call, TimeSpan? limit = null) =>
        await call.ResponseAsync.WaitAsync(limit ?? TestTimeouts.Default);
}
