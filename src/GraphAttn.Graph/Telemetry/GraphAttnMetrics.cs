using System.Diagnostics.Metrics;

namespace GraphAttn.Graph.Telemetry;

/// <summary>
/// Every GraphAttn metric, defined once. The instruments are the BCL's (System.Diagnostics.Metrics), so any layer
/// records without knowing about OpenTelemetry; the server's OpenTelemetry pipeline listens to <see cref="MeterName"/>
/// and exports them (Prometheus, OTLP). Names follow OpenTelemetry's conventions: dotted, units in <c>unit</c>.
/// </summary>
public static class GraphAttnMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "GraphAttn";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Finished gRPC calls, tagged <c>rpc.method</c> and <c>rpc.grpc.status_code</c> (rate and errors).</summary>
    public static readonly Counter<long> RpcRequests = Meter.CreateCounter<long>("graphattn.rpc.requests", "{request}",
        "Finished gRPC calls by method and status code.");

    /// <summary>gRPC call duration in seconds, tagged like <see cref="RpcRequests"/>.</summary>
    public static readonly Histogram<double> RpcDuration = Meter.CreateHistogram<double>("graphattn.rpc.duration", "s",
        "Duration of gRPC calls by method and status code.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    /// <summary>Live events accepted (interactions, follows, unfollows), tagged <c>kind</c>.</summary>
    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("graphattn.events.ingested", "{event}",
        "Live events accepted, by kind.");

    /// <summary>Online-embedding cache lookups, tagged <c>result</c> = hit or miss (hit ratio = hits / all).</summary>
    public static readonly Counter<long> OnlineEmbeddingLookups = Meter.CreateCounter<long>("graphattn.online_embedding.lookups",
        "{lookup}", "Online-embedding cache lookups by result (hit, miss).");

    /// <summary>Model lifecycle phase as its number in admin.proto's ModelPhase (5 = live, 6 = failed).</summary>
    public static readonly Gauge<int> ModelPhase = Meter.CreateGauge<int>("graphattn.model.phase", null,
        "Model lifecycle phase (admin.proto ModelPhase: 2 waiting, 3 training, 4 embedding, 5 live, 6 failed).");

    /// <summary>Seconds the served graph lags its source (set by the graph sync; absent until one reports).</summary>
    public static readonly Gauge<double> SyncLag = Meter.CreateGauge<double>("graphattn.graph.sync_lag", "s",
        "How far the served graph lags its source.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, Func<double?>> SnapshotAgeSources = new();

    static GraphAttnMetrics()
    {
        Meter.CreateObservableGauge("graphattn.snapshot.age", ObserveSnapshotAge, "s",
            "Age of the embedding snapshot being served (absent while baselines answer).");
        Meter.CreateObservableGauge("graphattn.process.memory", ObserveMemory, "By",
            "Managed heap and working set of the process, tagged kind.");
    }

    /// <summary>
    /// Names where a served snapshot's age comes from (the host that serves it); the gauge reads it at each export.
    /// Dispose the result when that host stops. A process normally has one; with several (in-process test hosts) the
    /// freshest snapshot is reported.
    /// </summary>
    public static IDisposable ReportSnapshotAgeFrom(Func<double?> ageSeconds)
    {
        var key = new object();
        SnapshotAgeSources[key] = ageSeconds;
        return new Registration(() => SnapshotAgeSources.TryRemove(key, out _));
    }

    private static IEnumerable<Measurement<double>> ObserveSnapshotAge()
    {
        double? freshest = null;
        foreach (var source in SnapshotAgeSources.Values)
        {
            if (source() is { } age && (freshest is null || age < freshest)) freshest = age;
        }

        if (freshest is { } value) yield return new Measurement<double>(value);
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    private static IEnumerable<Measurement<long>> ObserveMemory()
    {
        yield return new Measurement<long>(GC.GetTotalMemory(forceFullCollection: false), new KeyValuePair<string, object?>("kind", "managed_heap"));
        yield return new Measurement<long>(Environment.WorkingSet, new KeyValuePair<string, object?>("kind", "working_set"));
    }
}
