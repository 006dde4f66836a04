using GraphAttn.Server.ModelLifecycle;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphAttn.Server.Health;

/// <summary>
/// Reported as health service "graphattn.v1.Model": SERVING when a model snapshot answers, NOT_SERVING while baselines
/// do. Not part of the server's overall health: baselines are a valid way to serve.
/// </summary>
public sealed class ModelLiveHealthCheck(ModelServing models) : IHealthCheck
{
    /// <summary>Health service name clients ask for.</summary>
    public const string ServiceName = "graphattn.v1.Model";

    /// <summary>Tag that routes this check to <see cref="ServiceName"/> only.</summary>
    public const string Tag = "model";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Store?.Current is { } current
            ? HealthCheckResult.Healthy($"Model {current.Header.ModelId} answers")
            : HealthCheckResult.Unhealthy($"Baselines answer: {models.Status.Detail}"));
}
