using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Driver;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Live;

/// <summary>Creates the <see cref="Neo4jLiveSource"/> from the Neo4j and GraphAttn settings.</summary>
public static class Neo4jLiveSourceFactory
{
    /// <summary>
    /// A driver of its own, tried briefly: an event waiting on an unreachable database should go to the spool in
    /// seconds, not after the reads' long retries.
    /// </summary>
    public static readonly DriverConfig WriteConfig = new()
    {
        ConnectionTimeout = TimeSpan.FromSeconds(3),
        ConnectionAcquisitionTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The source over the configured database; its spool is &lt;DataPath&gt;/spool/&lt;replica&gt;.galog.</summary>
    public static Neo4jLiveSource Create(GraphAttnOptions options, IServiceProvider services, string dataPath)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var connection = Neo4jOptions.FromConfiguration(configuration);
        var spool = LogFolderSource.Claim(Path.Combine(dataPath, "spool"), options.Events.ReplicaId,
            LiveSourceFactory.SafeName(Environment.MachineName), Math.Max(4096, options.Events.SpoolMaxBytes));
        return new Neo4jLiveSource(Neo4jConnector.CreateDriver(connection, WriteConfig), connection,
            Neo4jGraphSourceConfiguration.FromConfiguration(configuration), spool,
            TimeSpan.FromSeconds(Math.Max(0.05, options.Sync.SpoolRetrySeconds)), TimeSpan.FromSeconds(Math.Max(0, options.Sync.OverlapSeconds)),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<Neo4jLiveSource>>());
    }
}
