using GraphAttn.Server.Loading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphAttn.Server.Health;

/// <summary>Healthy (gRPC SERVING) once a graph is loaded; NOT_SERVING before.</summary>
public sealed class GraphReadyHealthCheck(ServingStateHolder holder) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.Current is { } state
            ? HealthCheckResult.Healthy($"Serving {state.Provenance.ModelVersion}")
            : HealthCheckResult.Unhealthy("The graph is still loading."));
}
