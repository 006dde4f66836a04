using GraphAttn.Neo4j.Connection;

namespace GraphAttn.Neo4j.Driver;

/// <summary>
/// Entry point, shaped like the official driver: one long-lived, thread-safe instance per server holding the
/// connection pool; open a cheap <see cref="AsyncSession"/> per unit of work.
/// <code>
/// await using var driver = Neo4jDriver.Create(new Uri("bolt://localhost:7687"), AuthToken.Basic("neo4j", pw));
/// await using var session = driver.AsyncSession(new SessionConfig { Database = "neo4j" });
/// var cursor = await session.RunAsync("MATCH (u:User) RETURN u.userId AS id");
/// await foreach (var record in cursor) { ... }
/// </code>
/// </summary>
public sealed class Neo4jDriver : IAsyncDisposable
{
    private Neo4jDriver(BoltUri target, AuthToken auth, DriverConfig config)
    {
        Target = target;
        Config = config;
        Pool = new ConnectionPool(ct => BoltConnection.OpenAsync(target, auth, config, ct), config);
    }

    /// <summary>Where connections go.</summary>
    public BoltUri Target { get; }

    /// <summary>Settings in force.</summary>
    public DriverConfig Config { get; }

    internal ConnectionPool Pool { get; }

    /// <summary>Creates a driver; no connection is opened until first use (see <see cref="VerifyConnectivityAsync"/>).</summary>
    public static Neo4jDriver Create(Uri uri, AuthToken auth, DriverConfig? config = null) =>
        new(BoltUri.Parse(uri), auth, config ?? new DriverConfig());

    /// <summary>Opens a session.</summary>
    public AsyncSession AsyncSession(SessionConfig? config = null) => new(this, config ?? new SessionConfig());

    /// <summary>
    /// Opens (or reuses) a connection and authenticates; throws <see cref="Errors.ServiceUnavailableException"/>
    /// when the server cannot be reached and <see cref="Errors.AuthenticationException"/> when it refuses the
    /// credentials.
    /// </summary>
    public async Task VerifyConnectivityAsync(CancellationToken ct = default)
    {
        var connection = await Pool.AcquireAsync(ct).ConfigureAwait(false);
        await Pool.ReleaseAsync(connection).ConfigureAwait(false);
    }

    /// <summary>Closes every pooled connection.</summary>
    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
