using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Options;

namespace GraphAttn.Server.Live;

/// <summary>Creates the <see cref="ILiveSource"/> that fits the configured graph source.</summary>
public static class LiveSourceFactory
{
    /// <summary>The event log folder (CSV source) or the Neo4j writer, change feed and spool.</summary>
    public static ILiveSource Create(GraphAttnOptions options, IServiceProvider services)
    {
        var dataPath = services.GetRequiredService<ModelServing>().DataPath;
        var logger = services.GetRequiredService<ILogger<ILiveSource>>();
        var events = options.Events;
        var replica = events.ReplicaId.Length > 0 ? events.ReplicaId : "";
        ILiveSource source = options.Graph.Source.ToLowerInvariant() switch
        {
            "neo4j" => Neo4jLiveSourceFactory.Create(options, services, dataPath),
            _ => LogFolderSource.Open(events.Folder.Length > 0 ? Path.GetFullPath(events.Folder) : Path.Combine(dataPath, "events"),
                replica, SafeName(Environment.MachineName)),
        };
        logger.EventStoreOpened(source.Store);
        if (source is LogFolderSource csv && csv.Own.Opened.Problem is { } problem)
        {
            logger.EventLogTailCut(Path.GetFileName(csv.Own.Path), problem);
        }

        return source;
    }

    /// <summary>A host name usable as a file name.</summary>
    public static string SafeName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return safe.Length == 0 ? "replica" : safe;
    }
}
