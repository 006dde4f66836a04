using GraphAttn.Server.Loading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphAttn.Server.Health;

/// <summary>
/// Healthy (gRPC SERVING) once a graph is loaded from its source; NOT_SERVING before, and while a cached graph is
/// served because the source is unreachable (requests are still answered from the cache and the last snapshot).
/// </summary>
public sealed class GraphReadyHealthCheck(ServingStateHolder holder) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.Current is not { } state ? HealthCheckResult.Unhealthy("The graph is still loading.")
            : holder.StaleReason is { } stale ? HealthCheckResult.Unhealthy(stale)
            : HealthCheckResult.Healthy($"Serving {state.Provenance.ModelVersion}"));
}
