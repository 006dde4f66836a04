using GraphAttn.Graph.Live;
using GraphAttn.Server.Loading;
using GraphAttn.Serving.State;

namespace GraphAttn.Server.Live;

/// <summary>
/// Records an event from the API: an id seen lately is acknowledged again without being stored or applied twice;
/// otherwise the event is made durable (<see cref="ILiveSource.AppendAsync"/>, group-committed) and only then applied
/// to the served graph, so an acknowledged event is never lost and always visible to the caller's next request.
/// </summary>
public sealed class EventIngest(ILiveSource source, ServingStateHolder holder)
{
    /// <summary>Records <paramref name="e"/>; returns whether it changed what this replica answers, and the graph after it.</summary>
    public async Task<(bool Changed, ServedGraph Served)> RecordAsync(GraphEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        var writer = holder.Writer;
        if (writer.Seen.Contains(e.EventId))
        {
            return (false, holder.RequireServed());
        }

        writer.BeginLocal(e.EventId);
        try
        {
            await source.AppendAsync(e, ct);
            // Durable from here: apply even if the caller has gone, so the state matches the store.
            var outcome = e.IsNode
                ? (await writer.ApplyAsync([e], CancellationToken.None, local: true)).Outcomes[0]
                : writer.ApplyEdge(e);
            return (outcome == ApplyOutcome.Changed, holder.RequireServed());
        }
        finally
        {
            writer.EndLocal(e.EventId);
        }
    }
}
