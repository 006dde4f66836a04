namespace GraphAttn.Graph;

/// <summary>
/// Where a graph comes from (graph-seeds CSV, Neo4j, research datasets). A source either returns a complete,
/// validated <see cref="SocialGraph"/> or throws; it never yields a partial graph.
/// </summary>
public interface IGraphSource
{
    /// <summary>Human-readable description for logs and GetServiceInfo, e.g. "csv:graph-seeds/demo". Never holds secrets.</summary>
    string Describe { get; }

    /// <summary>Reads the whole graph.</summary>
    /// <param name="progress">Receives rows read per stage; may be null.</param>
    /// <param name="ct">Cancels the load.</param>
    Task<SocialGraph> LoadAsync(IProgress<GraphLoadProgress>? progress, CancellationToken ct);
}
