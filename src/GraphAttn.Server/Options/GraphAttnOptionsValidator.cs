using System.Globalization;
using GraphAttn.Server.Security;
using Microsoft.Extensions.Options;

namespace GraphAttn.Server.Options;

/// <summary>
/// Checks the "GraphAttn" section at start (ValidateOnStart): every problem is reported at once, each naming its
/// setting, and the server does not start. Includes the secure-by-default rule: an endpoint beyond loopback with no
/// credential configured is refused unless GraphAttn:Auth:AllowAnonymous is true.
/// </summary>
public sealed class GraphAttnOptionsValidator(IConfiguration configuration) : IValidateOptions<GraphAttnOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphAttnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Range(string key, double value, double min, double max)
        {
            if (value < min || value > max || double.IsNaN(value))
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"GraphAttn:{key} must be between {min} and {max}, got {value}."));
        }

        var limits = options.Limits;
        Range("Limits:MaxLimit", limits.MaxLimit, 1, 10_000);
        Range("Limits:MaxIdLength", limits.MaxIdLength, 1, 4096);
        Range("Limits:MaxRequestBytes", limits.MaxRequestBytes, 1024, 16 * 1024 * 1024);
        Range("Limits:KeepAlivePingSeconds", limits.KeepAlivePingSeconds, 0, 24 * 3600);
        Range("Limits:KeepAlivePingTimeoutSeconds", limits.KeepAlivePingTimeoutSeconds, 1, 3600);
        Range("Limits:MaxStreamsPerConnection", limits.MaxStreamsPerConnection, 1, 10_000);
        Range("RateLimit:PermitsPerSecond", options.RateLimit.PermitsPerSecond, 0, 10_000_000);
        Range("RateLimit:Burst", options.RateLimit.Burst, 0, 10_000_000);
        Range("RateLimit:ConcurrentPerCaller", options.RateLimit.ConcurrentPerCaller, 0, 1_000_000);
        if (options.RateLimit.PermitsPerSecond > 0 && options.RateLimit.Burst < 1)
            problems.Add("GraphAttn:RateLimit:Burst must be at least 1 when GraphAttn:RateLimit:PermitsPerSecond is set.");
        Range("Retention:Snapshots", options.Retention.Snapshots, 0, 10_000);
        Range("Retention:Checkpoints", options.Retention.Checkpoints, 0, 10_000);
        Range("Retention:StrayMinutes", options.Retention.StrayMinutes, 0, 100_000);
        Range("Graph:RetrySeconds", options.Graph.RetrySeconds, 0.1, 24 * 3600);
        Range("Model:PollSeconds", options.Model.PollSeconds, 1, 24 * 3600);
        Range("Model:TrainEpochs", options.Model.TrainEpochs, 1, 100_000);
        if (options.Telemetry.PrometheusUrl.Length > 0 && !Uri.TryCreate(options.Telemetry.PrometheusUrl.Replace("*", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out _))
            problems.Add($"GraphAttn:Telemetry:PrometheusUrl '{options.Telemetry.PrometheusUrl}' is not a URL such as http://0.0.0.0:9464.");
        if (options.Tls.ClientCaFile.Length > 0 && !File.Exists(options.Tls.ClientCaFile))
            problems.Add($"GraphAttn:Tls:ClientCaFile '{options.Tls.ClientCaFile}' does not exist.");
        ValidateAuth(options.Auth, problems);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void ValidateAuth(AuthOptions auth, List<string> problems)
    {
        for (var i = 0; i < auth.ApiKeys.Count; i++)
        {
            var key = auth.ApiKeys[i];
            if (key.Name.Length == 0) problems.Add($"GraphAttn:Auth:ApiKeys:{i}:Name is required.");
            if (key.Sha256.Length != 64 || !key.Sha256.All(char.IsAsciiHexDigit))
                problems.Add($"GraphAttn:Auth:ApiKeys:{i}:Sha256 must be the key's SHA-256 as 64 hex digits (printf %s \"$KEY\" | sha256sum).");
            foreach (var scope in key.Scopes.Where(s => !Scopes.All.Contains(s)))
                problems.Add($"GraphAttn:Auth:ApiKeys:{i}:Scopes names '{scope}'; known scopes: {string.Join(", ", Scopes.All)}.");
        }

        var jwt = auth.Jwt;
        if (jwt.Enabled && jwt.Audience.Length == 0) problems.Add("GraphAttn:Auth:Jwt:Audience is required when tokens are configured.");
        if (jwt.JwksFile.Length > 0)
        {
            if (jwt.Issuer.Length == 0) problems.Add("GraphAttn:Auth:Jwt:Issuer is required with GraphAttn:Auth:Jwt:JwksFile.");
            try
            {
                JwksFileKeys.Load(jwt.JwksFile);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                problems.Add($"GraphAttn:Auth:Jwt:JwksFile '{jwt.JwksFile}' cannot be used: {ex.Message}");
            }
        }

        var exposed = ListenAddresses.BeyondLoopback(configuration);
        if (!auth.Enabled && !auth.AllowAnonymous && exposed.Count > 0)
            problems.Add($"Refusing to serve {string.Join(", ", exposed)} without authentication: configure GraphAttn:Auth:Jwt or " +
                "GraphAttn:Auth:ApiKeys, or set GraphAttn:Auth:AllowAnonymous=true if something in front authenticates callers.");
    }
}
