using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// Turns cancellation inside a handler into the status the caller expects (DEADLINE_EXCEEDED when its deadline
/// passed, CANCELLED otherwise) instead of an UNKNOWN error and an error log.
/// </summary>
public sealed class CancellationInterceptor(ILogger<CancellationInterceptor> logger) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            return await continuation(request, context);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            var code = context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
            logger.RequestCancelled(context.Method, code.ToString());
            throw new RpcException(new Status(code, code == StatusCode.DeadlineExceeded ? "Deadline exceeded." : "Cancelled by the caller."));
        }
    }
}
