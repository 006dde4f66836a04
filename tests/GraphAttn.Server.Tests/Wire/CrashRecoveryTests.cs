using System.Collections.Concurrent;
using GraphAttn.Contracts.V1;
using GraphAttn.Serving.Events.Log;
using Grpc.Core;
using Grpc.Net.Client;

namespace GraphAttn.Server.Tests.Wire;

/// <summary>The real server killed with SIGKILL while a client streams events, then started again on its data folder.</summary>
public class CrashRecoveryTests
{
    private const int Users = 10;
    private const int Events = 20_000;

    [Fact]
    public async Task Server_KilledWhileEventsStream_EveryAcknowledgedEventIsAppliedOnceAfterRestart()
    {
        using var data = new TempFolder();
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        var baseCounts = new Dictionary<string, int>();
        var acknowledged = new ConcurrentDictionary<int, bool>();
        int sent = -1;
        await using (var server = await RealServerProcess.StartAsync(data.Path))
        {
            using var channel = GrpcChannel.ForAddress(server.Address);
            var profiles = new ProfileService.ProfileServiceClient(channel);
            foreach (var user in Enumerable.Range(0, Users).Select(UserId))
            {
                baseCounts[user] = (await profiles.GetUserProfileAsync(new() { UserId = user }).Within()).Activity.InteractionCount;
            }

            var events = new EventService.EventServiceClient(channel);
            using var stop = new CancellationTokenSource();
            var streams = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    int i = Interlocked.Increment(ref sent);
                    if (i >= Events) return;
                    try
                    {
                        await events.RecordInteractionAsync(Event(i, t0), deadline: DateTime.UtcNow.AddSeconds(10));
                        acknowledged[i] = true;
                    }
                    catch (RpcException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToList();

            await TestTimeouts.Until(() => acknowledged.Count >= 500, "500 acknowledged events");
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(streams).Within();
        }

        int attempted = Math.Min(Volatile.Read(ref sent) + 1, Events);
        Assert.True(acknowledged.Count < attempted, "the kill landed after the last event: nothing was in flight");
        var logged = Directory.GetFiles(Path.Combine(data.Path, "events"), "*" + EventLogFile.Extension)
            .SelectMany(f => EventLogFile.Scan(f).Events).Select(e => e.EventId).ToList();
        Assert.All(acknowledged.Keys, i => Assert.Contains(Id(i), logged));
        Assert.Equal(logged.Count, logged.Distinct().Count());

        await using var restarted = await RealServerProcess.StartAsync(data.Path);
        using var again = GrpcChannel.ForAddress(restarted.Address);
        var profilesAfter = new ProfileService.ProfileServiceClient(again);
        var loggedByUser = logged.Select(id => int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture)).GroupBy(i => UserId(i % Users))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var (user, count) in baseCounts)
        {
            Assert.Equal(count + loggedByUser.GetValueOrDefault(user), (await profilesAfter.GetUserProfileAsync(new() { UserId = user }).Within()).Activity.InteractionCount);
        }

        // The client retries everything it sent, acknowledged or not: each event is applied and stored exactly once.
        var eventsAfter = new EventService.EventServiceClient(again);
        foreach (var batch in Enumerable.Range(0, attempted).Chunk(64))
        {
            await Task.WhenAll(batch.Select(i => eventsAfter.RecordInteractionAsync(Event(i, t0)).ResponseAsync)).Within();
        }

        foreach (var (user, count) in baseCounts)
        {
            int sentToUser = Enumerable.Range(0, attempted).Count(i => UserId(i % Users) == user);
            Assert.Equal(count + sentToUser, (await profilesAfter.GetUserProfileAsync(new() { UserId = user }).Within()).Activity.InteractionCount);
        }

        var stored = Directory.GetFiles(Path.Combine(data.Path, "events"), "*" + EventLogFile.Extension)
            .SelectMany(f => EventLogFile.Scan(f).Events).Select(e => e.EventId).ToList();
        Assert.Equal(attempted, stored.Count);
        Assert.Equal(attempted, stored.Distinct().Count());
    }

    private static RecordInteractionRequest Event(int i, DateTimeOffset t0) => new()
    {
        UserId = UserId(i % Users),
        ContentId = $"c{(i * 7 % 4000) + 1:D6}",
        Kind = InteractionKind.View,
        Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(t0.AddMilliseconds(i)),
        EventId = Id(i),
    };

    private static string Id(int i) => $"k-{i}";

    private static string UserId(int u) => $"u{u + 1:D6}";
}
