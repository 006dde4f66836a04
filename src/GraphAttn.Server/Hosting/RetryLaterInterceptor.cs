using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GraphAttn.Serving;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GraphAttn.Server.Hosting;

/// <summary>Turns <see cref="RetryLaterException"/> into UNAVAILABLE with a <c>google.rpc.RetryInfo</c>, so clients back off.</summary>
public sealed class RetryLaterInterceptor : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RetryLaterException ex)
        {
            throw ToRpc(ex);
        }
    }

    /// <summary>The UNAVAILABLE status for <paramref name="ex"/>, with its retry delay.</summary>
    public static RpcException ToRpc(RetryLaterException ex) => new Google.Rpc.Status
    {
        Code = (int)Code.Unavailable,
        Message = ex.Message,
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(ex.RetryAfter) }) },
    }.ToRpcException();
}
