using System.Diagnostics;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;

namespace GraphAttn.Embedding.Benchmarks;

/// <summary>
/// Per-call latency of <see cref="InductiveEmbedder.Embed"/> on one thread: graph users (their graph followees and
/// history), the same users with two live events, and brand-new users following 5 random users. Median, p90, p99.
/// </summary>
internal static class InductiveLatency
{
    public static int Run(string graphFolder, string checkpointFolder, int calls)
    {
        var graph = new CsvGraphSource(graphFolder).Load();
        var (model, metadata) = Checkpoint.Load(checkpointFolder);
        using (model)
        {
            var rows = CheckpointRows.Resolve(metadata, CheckpointIds.Read(checkpointFolder), graph);
            var embedder = new InductiveEmbedder(model, graph, rows);
            var random = new Random(7);
            for (var i = 0; i < 50; i++) embedder.Embed(graph.Users[random.Next(graph.UserCount)]); // warm-up (JIT, allocator)
            Measure("graph user", calls, () => embedder.Embed(graph.Users[random.Next(graph.UserCount)]));
            Measure("graph user + 2 live events", calls, () => embedder.Embed(graph.Users[random.Next(graph.UserCount)], null,
                [new HistoryEvent(graph.Contents[random.Next(graph.ContentCount)], InteractionKind.Like, 1_800_000_000_000),
                 new HistoryEvent(graph.Contents[random.Next(graph.ContentCount)], InteractionKind.View, 1_800_000_000_001)]));
            Measure("new user, 5 followees", calls, () => embedder.Embed("newcomer",
                Enumerable.Range(0, 5).Select(_ => graph.Users[random.Next(graph.UserCount)]).ToArray()));
        }
        return 0;
    }

    private static void Measure(string what, int calls, Action call)
    {
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{what}: {calls} calls, median {times[calls / 2]:F3} ms, p90 {times[calls * 9 / 10]:F3} ms, p99 {times[calls * 99 / 100]:F3} ms");
    }
}
