using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Code = Google.Rpc.Code;
using RetryInfo = Google.Rpc.RetryInfo;

namespace GraphAttn.Server.Hosting;

/// <summary>
/// Answers a gRPC request from middleware, where grpc-dotnet's own error handling does not reach (authorization,
/// rate limiting, malformed bodies): a trailers-only response, HTTP 200 with <c>grpc-status</c>,
/// <c>grpc-message</c> and the full <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c>, as the gRPC HTTP/2
/// protocol has it, so clients see the code and details exactly as if a handler had thrown.
/// </summary>
public static class GrpcStatusResponse
{
    /// <summary>Whether the request is a gRPC call (not gRPC-Web, not a transcoded JSON call).</summary>
    public static bool IsGrpc(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType;
        return type is not null && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes <paramref name="status"/> as the whole response.</summary>
    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
    }

    /// <summary>A status with <paramref name="code"/>, <paramref name="message"/> and an optional retry delay.</summary>
    public static Google.Rpc.Status Of(Code code, string message, TimeSpan? retryAfter = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (retryAfter is { } delay) status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        return status;
    }

    // grpc-message is percent-encoded UTF-8: printable ASCII except '%' goes as is.
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%') builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
