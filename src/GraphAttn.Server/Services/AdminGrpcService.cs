using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph;
using GraphAttn.Neo4j.Configuration;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Server.Hosting;
using GraphAttn.Server.Loading;
using GraphAttn.Server.ModelLifecycle;
using GraphAttn.Server.Security;
using GraphAttn.Serving;
using GraphAttn.Serving.State;
using GraphAttn.Serving.Store;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace GraphAttn.Server.Services;

/// <summary>graphattn.v1.AdminService: what is served, and reloading it.</summary>
[Authorize(Policy = Scopes.Admin)]
public sealed class AdminGrpcService(ServingStateHolder holder, GraphLoader loader, ModelServing models, GraphCache cache,
    BackgroundFailures failures, ILogger<AdminGrpcService> logger)
    : AdminService.AdminServiceBase
{
    private static readonly string ServerVersion =
        typeof(AdminGrpcService).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <inheritdoc />
    public override Task<GetServiceInfoResponse> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context)
    {
        var state = holder.Require();
        var response = new GetServiceInfoResponse
        {
            Counts = CountsOf(state),
            GraphSource = state.Source,
            LoadedAt = Timestamp.FromDateTimeOffset(state.LoadedAt),
            Provenance = ProvenanceOf(state),
            ServerVersion = ServerVersion,
            LiveEvents = holder.Events.Count,
            Model = models.Describe(),
        };
        foreach (var failure in failures.Current)
            response.BackgroundFailures.Add(new BackgroundFailure { Component = failure.Component, Message = failure.Message, At = Timestamp.FromDateTimeOffset(failure.At) });
        if (cache.Problem is { } problem)
            response.BackgroundFailures.Add(new BackgroundFailure { Component = "graph_cache", Message = problem.Message, At = Timestamp.FromDateTimeOffset(problem.At) });
        return Task.FromResult(response);
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
        catch (Exception ex) when (SourceUnavailable(ex))
        {
            // The source may come back: UNAVAILABLE with a retry delay, not a verdict on the data.
            logger.ReloadSourceUnavailable(ex.Message);
            throw new RetryLaterException($"Reload: the graph source is unavailable, the previous state keeps serving: {ex.Message}",
                TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is GraphDataException or IOException)
        {
            logger.ReloadRejected(ex.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Reload rejected, previous state still serving: {ex.Message}"));
        }
    }

    private static bool SourceUnavailable(Exception ex) =>
        ex is ServiceUnavailableException or SocketException or TimeoutException
        || ex is Neo4jStartupException { InnerException: ServiceUnavailableException or BoltProtocolException or SocketException };

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
