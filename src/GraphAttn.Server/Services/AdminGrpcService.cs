using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Serving.State;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using Grpc.Core;

namespace GraphAttn.Server.Services;

/// <summary>graphattn.v1.AdminService: what is served, and reloading it.</summary>
public sealed class AdminGrpcService(ServingStateHolder holder, GraphLoader loader, ILogger<AdminGrpcService> logger)
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
            Provenance = state.Provenance,
            ServerVersion = ServerVersion,
            LiveEvents = holder.Events.Count,
        });
    }

    /// <inheritdoc />
    public override async Task<ReloadSnapshotResponse> ReloadSnapshot(ReloadSnapshotRequest request, ServerCallContext context)
    {
        try
        {
            var (previous, current) = await loader.ReloadAsync(context.CancellationToken);
            return new ReloadSnapshotResponse { Previous = previous?.Provenance, Current = current.Provenance, Counts = CountsOf(current) };
        }
        catch (Exception ex) when (ex is GraphDataException or IOException)
        {
            logger.ReloadRejected(ex.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Reload rejected, previous state still serving: {ex.Message}"));
        }
    }

    private static GraphCounts CountsOf(ServingState state) => new()
    {
        Users = state.Graph.UserCount,
        Contents = state.Graph.ContentCount,
        Topics = state.Graph.TopicCount,
        Follows = state.Graph.FollowCount,
        Interactions = state.Graph.InteractionCount,
    };
}
