using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Live;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Serving.State;
using GraphAttn.Serving.Store;
using Grpc.Core;

namespace GraphAttn.Server.Services;

/// <summary>graphattn.v1.AdminService: what is served, and reloading it.</summary>
public sealed class AdminGrpcService(ServingStateHolder holder, GraphLoader loader, ModelServing models, GraphSyncService sync,
    ILogger<AdminGrpcService> logger)
    : AdminService.AdminServiceBase
{
    private static readonly string ServerVersion =
        typeof(AdminGrpcService).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <inheritdoc />
    public override Task<GetServiceInfoResponse> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context)
    {
        var state = holder.Require();
        return Task.FromResult(new GetServiceInfoResponse
        {
            Counts = CountsOf(state),
            GraphSource = state.Source,
            LoadedAt = Timestamp.FromDateTimeOffset(state.LoadedAt),
            Provenance = ProvenanceOf(state),
            ServerVersion = ServerVersion,
            LiveEvents = holder.Writer.Applied,
            Model = models.Describe(),
            Live = sync.Describe(),
        });
    }

    /// <inheritdoc />
    public override async Task<ReloadSnapshotResponse> ReloadSnapshot(ReloadSnapshotRequest request, ServerCallContext context)
    {
        var before = holder.Current is { } old ? ProvenanceOf(old) : null;
        try
        {
            // Snapshot first: a graph source that is down must not keep a newer snapshot from serving.
            var snapshot = models.Store is null ? null : await models.Store.ReloadAsync(context.CancellationToken);
            var (_, current) = await loader.ReloadAsync(context.CancellationToken);
            var response = new ReloadSnapshotResponse
            {
                Previous = before,
                Current = ProvenanceOf(current),
                Counts = CountsOf(current),
                SnapshotOutcome = snapshot is null ? "disabled" : OutcomeName(snapshot.Outcome),
            };
            if (snapshot is not null) response.RejectedSnapshots.AddRange(snapshot.Rejected.Select(r => $"{r.Path}: {r.Problem}"));
            return response;
        }
        catch (Exception ex) when (ex is GraphDataException or IOException)
        {
            logger.ReloadRejected(ex.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Reload rejected, previous state still serving: {ex.Message}"));
        }
    }

    // What answers now: the live snapshot's model over this graph, or the state's baselines.
    private Provenance ProvenanceOf(ServingState state)
    {
        using var view = models.Open(state.Graph);
        return view?.Provenance ?? state.Provenance;
    }

    private static string OutcomeName(SnapshotReloadOutcome outcome) => outcome switch
    {
        SnapshotReloadOutcome.Swapped => "swapped",
        SnapshotReloadOutcome.Unchanged => "unchanged",
        _ => "no_snapshot",
    };

    private static GraphCounts CountsOf(ServingState state) => new()
    {
        Users = state.Graph.UserCount,
        Contents = state.Graph.ContentCount,
        Topics = state.Graph.TopicCount,
        Follows = state.Graph.FollowCount,
        Interactions = state.Graph.InteractionCount,
    };
}
