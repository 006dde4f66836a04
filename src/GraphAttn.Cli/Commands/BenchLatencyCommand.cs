using System.CommandLine;
using System.Diagnostics;
using GraphAttn.Cli.Client;
using GraphAttn.Cli.Options;
using GraphAttn.Contracts.V1;
using GraphAttn.Graph.Loading;
using Grpc.Core;
using Grpc.Health.V1;

namespace GraphAttn.Cli.Commands;

/// <summary>
/// Sequential RPC latency through a running server: N calls for random users of the served graph (one at a time,
/// so the figure is service time plus loopback, not queueing), after a warm-up. Prints median, p90, p99, max.
/// </summary>
internal static class BenchLatencyCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var rpc = new Option<string>("--rpc") { Description = "content | friends | profile", DefaultValueFactory = _ => "content" };
        var calls = new Option<int>("--calls") { Description = "Measured calls.", DefaultValueFactory = _ => 1000 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured calls first.", DefaultValueFactory = _ => 100 };
        var graph = CommonOptions.Graph("graph-seeds/demo");
        var seed = new Option<int>("--seed") { Description = "Seed for drawing users.", DefaultValueFactory = _ => 1 };
        var command = new Command("latency", "RPC latency percentiles over N sequential calls.") { rpc, calls, warmup, graph, seed };
        connection.AddTo(command);
        command.SetAction(async (p, ct) =>
        {
            var output = p.InvocationConfiguration.Output;
            var users = GraphFolder.Source(p.GetValue(graph)!).LoadAsync(null, ct).GetAwaiter().GetResult().Users;
            using var channel = Channels.For(connection.Read(p));
            await WaitServing(channel, ct);
            var call = Caller(channel, p.GetValue(rpc)!);
            var random = new Random(p.GetValue(seed));
            for (var i = 0; i < p.GetValue(warmup); i++) await call(users[random.Next(users.Count)], ct);

            var n = p.GetValue(calls);
            var ms = new double[n];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                var id = users[random.Next(users.Count)];
                var start = Stopwatch.GetTimestamp();
                await call(id, ct);
                ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(ms);
            output.WriteLine($"{p.GetValue(rpc)}: {n} calls in {total.Elapsed.TotalSeconds:F2} s ({n / total.Elapsed.TotalSeconds:F0} calls/s, one at a time)");
            output.WriteLine($"latency ms: median {Pct(ms, 0.5):F2}, p90 {Pct(ms, 0.9):F2}, p99 {Pct(ms, 0.99):F2}, max {ms[^1]:F2}");
            return 0;
        });
        return command;
    }

    private static Func<string, CancellationToken, Task> Caller(Grpc.Net.Client.GrpcChannel channel, string rpc)
    {
        var recs = new RecommendationService.RecommendationServiceClient(channel);
        var profiles = new ProfileService.ProfileServiceClient(channel);
        return rpc switch
        {
            "content" => async (id, ct) => await recs.RecommendContentAsync(new RecommendContentRequest { UserId = id, Limit = 10 }, cancellationToken: ct),
            "friends" => async (id, ct) => await recs.RecommendFriendsAsync(new RecommendFriendsRequest { UserId = id, Limit = 10 }, cancellationToken: ct),
            "profile" => async (id, ct) => await profiles.GetUserProfileAsync(new GetUserProfileRequest { UserId = id }, cancellationToken: ct),
            _ => throw new ArgumentException($"--rpc must be content, friends or profile, not '{rpc}'."),
        };
    }

    // The server answers NOT_SERVING until its graph is loaded; measuring before that would time errors.
    private static async Task WaitServing(Grpc.Net.Client.GrpcChannel channel, CancellationToken ct)
    {
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The server did not become SERVING within 2 minutes.");
            await Task.Delay(250, ct);
        }
    }

    private static double Pct(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
