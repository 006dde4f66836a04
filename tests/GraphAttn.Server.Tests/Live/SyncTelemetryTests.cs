using System.Diagnostics;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Server.Tests.Infrastructure;

namespace GraphAttn.Server.Tests.Live;

/// <summary>Each sync of the living graph is a trace span naming where events are read from.</summary>
public sealed class SyncTelemetryTests
{
    [Fact]
    public async Task Sync_ListenerAttached_SeesASyncSpanWithItsStore()
    {
        var stores = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphAttnActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.OperationName == GraphAttnActivities.GraphSync) stores.Enqueue(a.GetTagItem("graphattn.sync.store") as string ?? "");
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small(), new Dictionary<string, string?> { ["GraphAttn:Sync:Seconds"] = "0.1" });

        // The listener hears every host in the process: tests running beside this one sync other stores (neo4j), so
        // wait for this host's span rather than for the first one.
        await LiveGraphTests.Eventually(() => Task.FromResult(stores.Any(s => s.StartsWith("event-log:", StringComparison.Ordinal))),
            "a sync span over this host's event log");
    }
}
