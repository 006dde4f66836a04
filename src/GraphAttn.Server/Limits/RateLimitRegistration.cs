using System.Threading.RateLimiting;
using Google.Rpc;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Limits;

/// <summary>
/// Per-caller limits with ASP.NET Core's rate limiter: a token bucket (sustained rate plus burst) chained with a
/// concurrency limit, partitioned by the authenticated identity, else the remote address. The limiter runs as
/// middleware, before any gRPC interceptor, so a rejected gRPC call is answered here: RESOURCE_EXHAUSTED with a
/// google.rpc.RetryInfo (the bucket's refill time). Health checks and the metrics endpoint are never limited.
/// </summary>
public static class RateLimitRegistration
{
    /// <summary>Whether any limit is configured.</summary>
    public static bool Enabled(RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.PermitsPerSecond > 0 || limits.ConcurrentPerCaller > 0;
    }

    /// <summary>Registers the limiter (when <see cref="Enabled"/>).</summary>
    public static void AddGraphAttnRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        if (!Enabled(limits)) return;
        services.AddRateLimiter(o =>
        {
            var limiters = new List<PartitionedRateLimiter<HttpContext>>();
            if (limits.PermitsPerSecond > 0)
                limiters.Add(PartitionedRateLimiter.Create<HttpContext, string>(c => Exempt(c)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetTokenBucketLimiter(CallerOf(c), _ => Bucket(limits))));
            if (limits.ConcurrentPerCaller > 0)
                limiters.Add(PartitionedRateLimiter.Create<HttpContext, string>(c => Exempt(c)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetConcurrencyLimiter(CallerOf(c), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.ConcurrentPerCaller,
                        QueueLimit = 0,
                    })));
            o.GlobalLimiter = limiters.Count == 1 ? limiters[0] : PartitionedRateLimiter.CreateChained([.. limiters]);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                if (retry <= TimeSpan.Zero) retry = TimeSpan.FromMilliseconds(100);
                if (!GrpcStatusResponse.IsGrpc(context.HttpContext.Request))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return ValueTask.CompletedTask;
                }
                return new ValueTask(GrpcStatusResponse.WriteAsync(context.HttpContext, GrpcStatusResponse.Of(Code.ResourceExhausted,
                    "Too many calls from this caller; retry after the delay in RetryInfo.", retry)));
            };
        });
    }

    /// <summary>The partition key: the authenticated identity, else the remote address.</summary>
    public static string CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? $"id:{name}"
            : $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static bool Exempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal)
        || context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal);

    // Refilled every 100 ms rather than once a second (from 10 calls/s up), so a caller at the limit sees an even
    // flow rather than a burst at each second.
    private static TokenBucketRateLimiterOptions Bucket(RateLimitOptions limits) => new()
    {
        TokenLimit = Math.Max(1, limits.Burst),
        TokensPerPeriod = limits.PermitsPerSecond >= 10 ? limits.PermitsPerSecond / 10 : limits.PermitsPerSecond,
        ReplenishmentPeriod = limits.PermitsPerSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
