using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Telemetry;
using GraphAttn.Serving.Store;

namespace GraphAttn.Server.ModelLifecycle;

/// <summary>The model lifecycle as GetServiceInfo reports it; phase and detail are set by whoever drives the model.</summary>
public sealed class ModelStatusTracker
{
    private volatile Phase _phase = new(ModelPhase.Waiting, "waiting for the graph");

    /// <summary>Current phase.</summary>
    public ModelPhase Current => _phase.Value;

    /// <summary>Progress or problem in words.</summary>
    public string Detail => _phase.Detail;

    /// <summary>Moves to <paramref name="phase"/>.</summary>
    public void Set(ModelPhase phase, string detail)
    {
        _phase = new Phase(phase, detail);
        GraphAttnMetrics.ModelPhase.Record((int)phase);
    }

    /// <summary>The status message: live model from the store, phase from this tracker.</summary>
    public ModelStatus Describe(SnapshotStore? store, bool online)
    {
        var status = new ModelStatus { Live = "baseline", Phase = _phase.Value, Detail = _phase.Detail };
        if (store?.Current is { } current)
        {
            status.Live = "gat";
            status.ModelId = current.Header.ModelId;
            status.SnapshotPath = current.File.Path;
            status.SnapshotCreatedAt = Timestamp.FromDateTimeOffset(current.Header.CreatedAt);
            status.OnlineEmbeddings = online;
            status.FriendStructureWeight = current.Header.FriendStructureWeight;
            status.ContentFilterWeight = current.Header.ContentFilterWeight;
            // A snapshot answering outranks "waiting": the folder had one before anything else happened.
            if (status.Phase is ModelPhase.Waiting)
            {
                status.Phase = ModelPhase.Live;
                status.Detail = $"snapshot {current.File.Path} answers";
            }
        }
        return status;
    }

    private sealed record Phase(ModelPhase Value, string Detail);
}
