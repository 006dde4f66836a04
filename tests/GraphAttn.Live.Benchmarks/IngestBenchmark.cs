using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using GraphAttn.Contracts.V1;
using Grpc.Health.V1;

namespace GraphAttn.Live.Benchmarks;

/// <summary>
/// Durable ingestion against the empty call, in the same run on the same server: rounds alternate
/// grpc.health.v1.Health/Check and RecordInteraction (each acknowledged only after its event log record is fsynced,
/// group-committed), and the ratio of their mean calls/s is printed.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string graph, int connections, int streams, TimeSpan duration, int rounds)
    {
        var settings = new Dictionary<string, string>();
        if (graph.Length > 0) settings["GraphAttn__Graph__SeedsPath"] = Path.GetFullPath(graph);
        await using var server = await ServerProcess.StartAsync(settings, TimeSpan.FromMinutes(5));
        using var load = new LoadRun(server.Address, connections);
        var info = await new AdminService.AdminServiceClient(load.Channels[0]).GetServiceInfoAsync(new());
        int users = info.Counts.Users, contents = info.Counts.Contents;
        Console.WriteLine($"graph {info.GraphSource}: {users:N0} users, {contents:N0} contents; {connections} connections x {streams} streams, "
                          + $"{duration.TotalSeconds:F0} s per run, {rounds} rounds, {Environment.ProcessorCount} cores (client and server share them)");

        var start = DateTimeOffset.UtcNow.AddDays(-1);
        Task Health(Grpc.Net.Client.GrpcChannel channel, long i) => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync;
        Task Record(Grpc.Net.Client.GrpcChannel channel, long i) => new EventService.EventServiceClient(channel).RecordInteractionAsync(new RecordInteractionRequest
        {
            UserId = $"u{(i % users) + 1:D6}",
            ContentId = $"c{(i * 7919 % contents) + 1:D6}",
            Kind = InteractionKind.View,
            Timestamp = Timestamp.FromDateTimeOffset(start.AddMilliseconds(i)),
            EventId = $"bench-{Environment.ProcessId}-{i}",
        }).ResponseAsync;

        await load.RunAsync(Health, streams, TimeSpan.FromSeconds(3));
        await load.RunAsync(Record, streams, TimeSpan.FromSeconds(3));
        var health = new List<double>();
        var record = new List<double>();
        Console.WriteLine("| round | Health/Check calls/s | RecordInteraction calls/s | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|");
        long failed = 0;
        for (int r = 1; r <= rounds; r++)
        {
            var (h, hf) = await load.RunAsync(Health, streams, duration);
            var (e, ef) = await load.RunAsync(Record, streams, duration);
            health.Add(h);
            record.Add(e);
            failed += hf + ef;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r} | {h:F0} | {e:F0} | {e / h:P1} |"));
        }

        double ratio = record.Average() / health.Average();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Health/Check {health.Average():F0} ± {Sd(health):F0} calls/s, RecordInteraction {record.Average():F0} ± {Sd(record):F0} calls/s: ratio {ratio:P1} (target >= 25%); {failed} failed calls"));
        return failed == 0 ? 0 : 1;
    }

    private static double Sd(List<double> values)
    {
        double mean = values.Average();
        return values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
