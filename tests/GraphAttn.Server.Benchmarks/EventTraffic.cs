using GraphAttn.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace GraphAttn.Server.Benchmarks;

/// <summary>
/// Live events at a steady rate while the RPCs are measured, so the graph moves under them: per tick of 10 ms, the
/// rate's share of events for random users, nine interactions (a like of a random content) to one follow of a random user.
/// </summary>
internal sealed class EventTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sent;
    private long _failed;

    private EventTraffic(GrpcChannel channel, IReadOnlyList<string> users, IReadOnlyList<string> contents, int perSecond, int seed)
    {
        _loop = perSecond <= 0 ? Task.CompletedTask : Task.Run(() => LoopAsync(channel, users, contents, perSecond, seed, _stop.Token));
    }

    /// <summary>Events recorded so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events the server refused.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Starts sending (nothing when <paramref name="perSecond"/> is 0).</summary>
    public static EventTraffic Start(GrpcChannel channel, IReadOnlyList<string> users, IReadOnlyList<string> contents, int perSecond, int seed) =>
        new(channel, users, contents, perSecond, seed);

    private async Task LoopAsync(GrpcChannel channel, IReadOnlyList<string> users, IReadOnlyList<string> contents, int perSecond, int seed,
        CancellationToken ct)
    {
        var client = new EventService.EventServiceClient(channel);
        var random = new Random(seed);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        double owed = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                for (owed += perSecond / 100.0; owed >= 1; owed--)
                {
                    string user = users[random.Next(users.Count)];
                    try
                    {
                        if (random.Next(10) == 0)
                        {
                            string followee = users[random.Next(users.Count)];
                            if (followee == user) continue;
                            await client.RecordFollowAsync(new RecordFollowRequest { FollowerId = user, FolloweeId = followee }, cancellationToken: ct);
                        }
                        else
                        {
                            await client.RecordInteractionAsync(new RecordInteractionRequest
                            {
                                UserId = user,
                                ContentId = contents[random.Next(contents.Count)],
                                Kind = InteractionKind.Like,
                            }, cancellationToken: ct);
                        }

                        Interlocked.Increment(ref _sent);
                    }
                    catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
                    {
                        Interlocked.Increment(ref _failed);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
        catch (RpcException) when (ct.IsCancellationRequested)
        {
            // Stopped mid-call.
        }
    }

    /// <summary>Stops sending.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
