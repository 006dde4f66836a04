using GraphAttn.Graph;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Driver;

namespace GraphAttn.Server.Loading;

/// <summary>
/// Checks connectivity and credentials before each load, so an unreachable server or refused credentials surface
/// as one clear <see cref="Neo4jStartupException"/> (naming URI and user, never the password) instead of a deep
/// protocol error. Owns the driver and closes it with the host.
/// </summary>
public sealed class VerifiedNeo4jSource(Neo4jDriver driver, Neo4jOptions options, IGraphSource inner) : IGraphSource, IAsyncDisposable
{
    /// <inheritdoc />
    public string Describe => inner.Describe;

    /// <inheritdoc />
    public async Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct)
    {
        await Neo4jConnector.VerifyAsync(driver, options, ct);
        return await inner.LoadAsync(progress, ct);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => driver.DisposeAsync();
}
