using System.Net.Security;
using GraphAttn.Neo4j.PackStream;

namespace GraphAttn.Neo4j.Driver;

/// <summary>Driver settings; defaults follow the official Neo4j .NET driver where it has one.</summary>
public sealed record DriverConfig
{
    /// <summary>TCP connect plus handshake limit (default 30 s).</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for any single server message; null (default) waits as long as the server takes.</summary>
    public TimeSpan? ReadTimeout { get; init; }

    /// <summary>Most open connections (default 100).</summary>
    public int MaxConnectionPoolSize { get; init; } = 100;

    /// <summary>Longest wait for a free pooled connection (default 60 s).</summary>
    public TimeSpan ConnectionAcquisitionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A connection idle longer than this is pinged with RESET before reuse (default 30 s; null: never).</summary>
    public TimeSpan? ConnectionLivenessCheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connections older than this are closed instead of reused (default 1 h).</summary>
    public TimeSpan MaxConnectionLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Records asked for per PULL (default 1000; -1 pulls everything at once).</summary>
    public long FetchSize { get; init; } = 1000;

    /// <summary>Retry policy for managed transactions (default: 1 s, x2, +-20 % jitter, 30 s budget).</summary>
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>Decoding bounds for server messages.</summary>
    public PackStreamLimits Limits { get; init; } = PackStreamLimits.Default;

    /// <summary>Clock for connection ages and retry budgets (tests inject a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sent as <c>user_agent</c> and in <c>bolt_agent.product</c>.</summary>
    public string UserAgent { get; init; } = "GraphAttn/1.0";

    /// <summary>Overrides certificate checks for <c>+s</c> URIs (e.g. a private CA); null uses the system store.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }
}
