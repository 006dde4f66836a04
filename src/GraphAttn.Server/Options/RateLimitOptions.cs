namespace GraphAttn.Server.Options;

/// <summary>
/// Configuration section "GraphAttn:RateLimit": limits per caller (the authenticated identity, else the remote IP
/// address). A call over a limit fails with RESOURCE_EXHAUSTED and a google.rpc.RetryInfo. Health checks are exempt.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained calls per second per caller (token bucket refill; 0: no rate limit). Default 2000.</summary>
    public int PermitsPerSecond { get; set; } = 2000;

    /// <summary>Calls a caller may make at once above the sustained rate (bucket size). Default 4000.</summary>
    public int Burst { get; set; } = 4000;

    /// <summary>Calls in flight per caller (0: no limit). Default 128.</summary>
    public int ConcurrentPerCaller { get; set; } = 128;
}
