using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// The outermost interceptor: any exception that is not already a gRPC status becomes INTERNAL with a
/// google.rpc.ErrorInfo carrying a correlation id, and one error log line with the same id and the exception, so an
/// operator can find what a caller reports. Nothing of the exception itself reaches the caller.
/// </summary>
public sealed class UnhandledErrorInterceptor(ILogger<UnhandledErrorInterceptor> logger) : Interceptor
{
    /// <summary>ErrorInfo domain of GraphAttn errors.</summary>
    public const string Domain = "graphattn.v1";

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Internal(context.Method, ex);
        }
    }

    private RpcException Internal(string method, Exception ex)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        logger.UnhandledError(method, id, ex);
        return new Google.Rpc.Status
        {
            Code = (int)Code.Internal,
            Message = $"Internal error (correlation id {id}).",
            Details = { Any.Pack(new ErrorInfo { Reason = "INTERNAL", Domain = Domain, Metadata = { ["correlation_id"] = id } }) },
        }.ToRpcException();
    }
}
