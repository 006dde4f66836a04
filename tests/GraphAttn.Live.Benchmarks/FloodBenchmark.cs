using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;

namespace GraphAttn.Live.Benchmarks;

/// <summary>
/// A flood of durable events over a big graph with resident memory sampled over time: interactions (80 %) and
/// follows and unfollows (10 % each) between random users, while a set of sample users also flips follows of a few
/// targets in a known order. Compaction folds the overlay into the graph as it goes. At the end: the overlay is empty
/// again, and for each sample user the answers match what was sent (items seen are never recommended, the
/// interaction count and whom they follow are exact, nobody they follow is suggested).
/// </summary>
internal static class FloodBenchmark
{
    private const int FlipTargets = 5;
    private const int Flips = 4;

    public static async Task<int> RunAsync(string graph, int events, int workers, int compactEvents, int sampleUsers, TimeSpan sampleEvery)
    {
        var settings = new Dictionary<string, string>
        {
            ["GraphAttn__Graph__SeedsPath"] = Path.GetFullPath(graph),
            ["GraphAttn__Sync__CompactEvents"] = compactEvents.ToString(CultureInfo.InvariantCulture),
            ["GraphAttn__Sync__CompactSeconds"] = "20",
        };
        var clock = Stopwatch.StartNew();
        await using var server = await ServerProcess.StartAsync(settings, TimeSpan.FromMinutes(10));
        using var load = new LoadRun(server.Address, 4);
        var channel = load.Channels[0];
        var admin = new AdminService.AdminServiceClient(channel);
        var info = await admin.GetServiceInfoAsync(new());
        int users = info.Counts.Users, contents = info.Counts.Contents;
        Console.WriteLine($"graph {info.GraphSource}: {users:N0} users, {contents:N0} contents, {info.Counts.Follows:N0} follows, "
                          + $"{info.Counts.Interactions:N0} interactions; serving after {clock.Elapsed.TotalSeconds:F0} s; {events:N0} events, "
                          + $"{workers} calls in flight, compaction every {compactEvents:N0} events; {Environment.ProcessorCount} cores");

        var sample = new Random(42).GetItems(Enumerable.Range(1, users).ToArray(), sampleUsers).Distinct().Select(u => $"u{u:D6}").ToArray();
        var expected = await SampleState.ReadAsync(graph, sample, channel);
        var samples = new List<string>();
        Console.WriteLine("| t (s) | events acknowledged | overlay events | overlay MiB | compactions | server RSS (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        long acknowledged = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var live = (await admin.GetServiceInfoAsync(new())).Live;
                var row = string.Create(CultureInfo.InvariantCulture,
                    $"| {clock.Elapsed.TotalSeconds:F0} | {Interlocked.Read(ref acknowledged):N0} | {live.OverlayEvents:N0} | {live.OverlayBytes / 1048576.0:F1} | {live.Compactions} | {server.ResidentMiB():F0} |");
                Console.WriteLine(row);
                lock (samples) samples.Add(row);
                try
                {
                    await Task.Delay(sampleEvery, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        // Random events from every worker; each sample user's follow flips from one worker, in order.
        var sampleSet = sample.ToHashSet();
        long next = -1;
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        var floodClock = Stopwatch.StartNew();
        var random = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var rng = new Random(1000 + w);
            var client = new EventService.EventServiceClient(load.Channels[w % load.Channels.Count]);
            long i;
            while ((i = Interlocked.Increment(ref next)) < events - (sample.Length * FlipTargets * Flips))
            {
                string user = $"u{rng.Next(1, users + 1):D6}";
                int kind = rng.Next(10);
                if (kind < 8)
                {
                    string content = $"c{rng.Next(1, contents + 1):D6}";
                    await client.RecordInteractionAsync(new RecordInteractionRequest
                    {
                        UserId = user,
                        ContentId = content,
                        Kind = InteractionKind.View,
                        EventId = $"flood-{i}",
                        Timestamp = Timestamp.FromDateTimeOffset(t0.AddMilliseconds(i)),
                    });
                    if (sampleSet.Contains(user)) expected.Saw(user, content);
                }
                else if (!sampleSet.Contains(user))
                {
                    string other = $"u{rng.Next(1, users + 1):D6}";
                    if (other == user) continue;
                    var request = new RecordFollowRequest { FollowerId = user, FolloweeId = other, EventId = $"flood-{i}" };
                    await (kind == 8 ? client.RecordFollowAsync(request) : client.RecordUnfollowAsync(request));
                }

                Interlocked.Increment(ref acknowledged);
            }
        }));
        var flips = Task.Run(async () =>
        {
            var client = new EventService.EventServiceClient(load.Channels[^1]);
            var rng = new Random(7);
            for (int round = 0; round < Flips; round++)
            {
                foreach (var user in sample)
                {
                    for (int k = 0; k < FlipTargets; k++)
                    {
                        string target = $"u{(((user.GetHashCode() & 0xFFFF) * 31) + k) % users + 1:D6}";
                        if (target == user) continue;
                        bool follow = rng.Next(2) == 0;
                        var request = new RecordFollowRequest { FollowerId = user, FolloweeId = target, EventId = $"flip-{user}-{k}-{round}" };
                        await (follow ? client.RecordFollowAsync(request) : client.RecordUnfollowAsync(request));
                        expected.Follow(user, target, follow);
                        Interlocked.Increment(ref acknowledged);
                    }
                }

                // The server stamps follows with its clock (ms): rounds apart keep one pair's events in order.
                await Task.Delay(5);
            }
        });
        await Task.WhenAll(random.Append(flips));
        double floodSeconds = floodClock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood: {Interlocked.Read(ref acknowledged):N0} events acknowledged in {floodSeconds:F0} s ({Interlocked.Read(ref acknowledged) / floodSeconds:F0}/s)"));

        // The last partial overlay folds by age; then memory settles.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while ((await admin.GetServiceInfoAsync(new())).Live.OverlayEvents > 0 && DateTime.UtcNow < deadline) await Task.Delay(1000);
        await Task.Delay(sampleEvery * 3);
        await sampling.CancelAsync();
        await sampler;

        var compactions = server.Log.Split('\n').Where(l => l.Contains("Folded", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"server log, compactions ({compactions.Count}):");
        foreach (var line in compactions) Console.WriteLine("  " + line.Trim());
        var failures = await expected.CheckAsync(channel);
        var end = await admin.GetServiceInfoAsync(new());
        Console.WriteLine($"end: {end.Counts.Interactions:N0} interactions, {end.Counts.Follows:N0} follows, overlay {end.Live.OverlayEvents} events, "
                          + $"{end.Live.Compactions} compactions, server CPU {server.CpuSeconds():F0} s");
        Console.WriteLine(failures.Count == 0
            ? $"checks: {sample.Length} sample users, every answer as expected"
            : $"checks FAILED ({failures.Count}): {string.Join("; ", failures.Take(10))}");
        return failures.Count == 0 ? 0 : 1;
    }
}
