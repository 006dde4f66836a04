using System.Diagnostics;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Server.Hosting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;

namespace GraphAttn.Server.Telemetry;

/// <summary>
/// Counts and times every gRPC call by method and final status, rejected ones included: calls refused by
/// authorization, the rate limiter or the body check never reach a gRPC interceptor, so this runs first, as
/// middleware, and reads the status from the response (trailers, or headers for a trailers-only answer).
/// </summary>
public sealed class RpcMetricsMiddleware(RequestDelegate next)
{
    private const string EventService = "/graphattn.v1.EventService/";

    /// <summary>Runs the rest of the pipeline and records the call.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!GrpcStatusResponse.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Only known methods become tag values: a path is caller input, and each distinct value is a new series.
            var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? "unknown";
            var status = StatusOf(context);
            var tags = new TagList { { "rpc.method", method }, { "rpc.grpc.status_code", status } };
            GraphAttnMetrics.RpcRequests.Add(1, tags);
            GraphAttnMetrics.RpcDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (status == 0 && method.StartsWith(EventService, StringComparison.Ordinal))
                GraphAttnMetrics.EventsIngested.Add(1, new KeyValuePair<string, object?>("kind", method[EventService.Length..]));
        }
    }

    // grpc-status from the trailers, or from the headers of a trailers-only response; 2 (UNKNOWN) when absent
    // (the connection broke before a status was written).
    private static int StatusOf(HttpContext context)
    {
        var value = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString() is { Length: > 0 } trailer
            ? trailer
            : context.Response.Headers["grpc-status"].ToString();
        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 2;
    }
}
