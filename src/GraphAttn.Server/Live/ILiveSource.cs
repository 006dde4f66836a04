using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Live;

namespace GraphAttn.Server.Live;

/// <summary>
/// The durable side of the living graph for one kind of source: where an event is made durable before it is
/// acknowledged, what to replay on top of a graph fresh from the source, and what changed elsewhere since the last
/// look (other replicas' events, nodes written by the app). Calls are serialised by the implementation.
/// </summary>
public interface ILiveSource : IAsyncDisposable
{
    /// <summary>Where events are made durable, for GetServiceInfo ("event-log:&lt;file&gt;" or "neo4j").</summary>
    string Store { get; }

    /// <summary>Called before the graph is read from the source: marks the point the change feed restarts from.</summary>
    Task BeforeLoadAsync(CancellationToken ct);

    /// <summary>
    /// Called once the graph is read: the events the source's graph does not hold (the event logs, or the spool not yet
    /// forwarded), in order, to apply on top. Resets what <see cref="PollAsync"/> returns next.
    /// </summary>
    Task<IReadOnlyList<GraphEvent>> AfterLoadAsync(CancellationToken ct);

    /// <summary>Makes <paramref name="e"/> durable; completes only once it is.</summary>
    /// <exception cref="Serving.RetryLaterException">It cannot be made durable now (a full spool).</exception>
    Task AppendAsync(GraphEvent e, CancellationToken ct);

    /// <summary>What changed at the source since the last call (events of this replica may come back: they are
    /// recognised by id).</summary>
    Task<IReadOnlyList<GraphEvent>> PollAsync(CancellationToken ct);

    /// <summary>Fills in what this source reports in GetServiceInfo.</summary>
    void Describe(LiveStatus status);
}
