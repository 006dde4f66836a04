using System.Diagnostics;
using GraphAttn.Graph.Loading.GraphSeeds;

namespace GraphAttn.Server.Benchmarks;

/// <summary>
/// One throughput run: start the server, check every case answers OK, calibrate each case's request count, then per
/// round drive every case for every user in turn (the empty call too, interleaved, so a burst of load from other jobs
/// on the machine hits every case alike) and report calls/s and the ratio to the empty call of the same round.
/// </summary>
internal static class ThroughputRun
{
    private const int CalibrationRequests = 500;

    public static async Task<int> RunAsync(ThroughputOptions options, CancellationToken ct)
    {
        H2Load.EnsureInstalled();
        if (options.Address is null && !RepoPaths.ServerOutput().Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("Run in Release (`dotnet run -c Release ...`): the benchmark starts the server binary of its own configuration.");
            return 2;
        }

        var (sample, allUsers, contents) = DrawUsers(options, ct);
        await using var server = await BenchServer.StartAsync(options, ct);
        var model = await server.ModelStatusAsync(ct);
        RpcCase[] cases = [RpcCase.Empty, .. RpcCase.All.Where(c => options.Only is null || options.Only.Contains(c.Name))];
        using var bodies = new BodyFiles(cases, sample);

        Console.WriteLine($"graph {options.Graph}: {allUsers.Count:N0} users; answering: {model.Live} ({model.ModelId}{(model.OnlineEmbeddings ? ", online embeddings" : "")})");
        var before = new Dictionary<RpcCase, CheckResult>();
        foreach (RpcCase rpc in cases) before[rpc] = await AnswerCheck.RunAsync(server.Channel, rpc, sample, ct);

        var perRun = new Dictionary<RpcCase, long>();
        foreach (RpcCase rpc in cases) perRun[rpc] = await CalibrateAsync(server, rpc, bodies, options, ct);
        Console.WriteLine($"h2load {options.Connections} connections x {options.Streams} streams; {options.Rounds} rounds x {sample.Count} users; " +
                          $"requests per run: {string.Join(", ", cases.Select(c => $"{c.Name.Split(' ')[0]} {perRun[c]}"))}; events {options.EventsPerSecond}/s");

        var results = new ThroughputTable(cases);
        var clock = Stopwatch.StartNew();
        await using (var events = EventTraffic.Start(server.Channel, allUsers, contents, options.EventsPerSecond, options.Seed))
        {
            for (int round = 0; round < options.Rounds; round++)
            {
                foreach (string user in sample)
                {
                    foreach (RpcCase rpc in cases)
                    {
                        H2LoadResult run = await H2Load.RunAsync(server.Address + rpc.Path, bodies.Of(rpc, user), perRun[rpc],
                            options.Connections, options.Streams, ct);
                        results.Add(round, rpc, run);
                    }
                }

                Console.Error.WriteLine($"round {round + 1}/{options.Rounds} done after {clock.Elapsed.TotalSeconds:F0} s");
            }

            if (options.EventsPerSecond > 0) Console.WriteLine($"events recorded while measuring: {events.Sent:N0} ({events.Failed} refused)");
        }

        var after = new Dictionary<RpcCase, CheckResult>();
        foreach (RpcCase rpc in cases) after[rpc] = await AnswerCheck.RunAsync(server.Channel, rpc, sample, ct);
        results.Print(Console.Out, before, after);
        return before.Values.Concat(after.Values).All(c => c.Failures.Count == 0) && results.AllSucceeded ? 0 : 1;
    }

    // The first runs of a case pay for JIT and caches: unmeasured runs over a few users, the last one timed to size
    // the rest (never under CalibrationRequests, so connection set-up stays a small part of a run).
    private static async Task<long> CalibrateAsync(BenchServer server, RpcCase rpc, BodyFiles bodies, ThroughputOptions options, CancellationToken ct)
    {
        long requests = CalibrationRequests;
        foreach (string user in bodies.Users.Take(3))
        {
            H2LoadResult run = await H2Load.RunAsync(server.Address + rpc.Path, bodies.Of(rpc, user), requests, options.Connections, options.Streams, ct);
            requests = Math.Max(CalibrationRequests, (long)(run.Requests / run.Seconds * options.Seconds));
        }

        return requests;
    }

    private static (IReadOnlyList<string> Sample, IReadOnlyList<string> Users, IReadOnlyList<string> Contents) DrawUsers(ThroughputOptions options, CancellationToken ct)
    {
        var graph = new CsvGraphSource(options.Graph).Load(ct: ct);
        var users = graph.Users.Ids.ToArray();
        var contents = graph.Contents.Ids.ToArray();
        var random = new Random(options.Seed);
        string[] sample = [.. Enumerable.Range(0, users.Length).OrderBy(_ => random.Next()).Take(options.Users).Select(i => users[i])];
        return (sample, users, contents);
    }
}
