using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using GraphAttn.Contracts.V1;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Server.Tests.Errors;

public class ErrorMappingTests
{
    [Fact]
    public async Task MalformedBody_InvalidArgument_LoggedWithoutErrorOrStack()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), logs: logs);
        using var raw = RawGrpc.For(host);

        var notProtobuf = await raw.CallAsync("/graphattn.v1.ProfileService/GetUserProfile", RawGrpc.Frame([0xFF, 0xFF, 0xFF]));
        var noFrame = await raw.CallAsync("/graphattn.v1.ProfileService/GetUserProfile", [1, 2]);
        var twoMessages = await raw.CallAsync("/graphattn.v1.ProfileService/GetUserProfile", [.. RawGrpc.Frame([]), .. RawGrpc.Frame([])]);
        var valid = await raw.CallAsync("/graphattn.v1.ProfileService/GetUserProfile", RawGrpc.Frame(new GetUserProfileRequest { UserId = "ann" }.ToByteArray()));

        Assert.Equal((3, 3, 3, 0), (notProtobuf.Status, noFrame.Status, twoMessages.Status, valid.Status));
        Assert.Contains("GetUserProfileRequest", notProtobuf.Message);
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordInteraction_TimestampOutOfRange_InvalidArgumentNamingTimestamp()
    {
        await using var host = await TestServerHost.StartAsync(TestGraphs.Small());
        var events = new EventService.EventServiceClient(host.Channel);
        await Rpc.BadRequest("timestamp", async () => await events.RecordInteractionAsync(new()
        {
            UserId = "ann",
            ContentId = "m3",
            Kind = InteractionKind.Like,
            Timestamp = new Timestamp { Seconds = long.MaxValue },
        }));
        await Rpc.BadRequest("timestamp", async () => await events.RecordInteractionAsync(new()
        {
            UserId = "ann",
            ContentId = "m3",
            Kind = InteractionKind.Like,
            Timestamp = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 },
        }));
    }

    [Fact]
    public async Task UnexpectedException_InternalWithCorrelationId_TheSameIdInTheErrorLog()
    {
        var logs = new CapturingLoggerProvider();
        var clock = new BreakableClock();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), logs: logs,
            services: s => s.AddSingleton<TimeProvider>(clock));
        clock.Broken = true;

        var ex = await Rpc.FailsWith(StatusCode.Internal, async () => await new EventService.EventServiceClient(host.Channel)
            .RecordInteractionAsync(new() { UserId = "ann", ContentId = "m3", Kind = InteractionKind.Like }));

        var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        var id = info.Metadata["correlation_id"];
        Assert.Contains(id, ex.Status.Detail);
        Assert.DoesNotContain("clock broke", ex.Status.Detail);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error UnhandledError", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal)
            && l.Contains("clock broke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadSnapshot_SourceUnreachable_UnavailableWithRetryInfo_OldStateKeepsServing()
    {
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(
            () => TestGraphs.Small(), () => throw new ServiceUnavailableException("Neo4j at bolt://db:7687 refused the connection")));
        var admin = new AdminService.AdminServiceClient(host.Channel);

        var ex = await Rpc.FailsWith(StatusCode.Unavailable, async () => await admin.ReloadSnapshotAsync(new()));

        Assert.True(ex.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(5, (await admin.GetServiceInfoAsync(new()).Within()).Counts.Users);
    }

    private sealed class BreakableClock : TimeProvider
    {
        public volatile bool Broken;

        public override DateTimeOffset GetUtcNow() => Broken ? throw new InvalidOperationException("clock broke") : base.GetUtcNow();
    }
}
