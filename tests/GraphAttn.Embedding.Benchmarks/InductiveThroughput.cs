using System.Diagnostics;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Graph;
using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Benchmarks;

/// <summary>
/// Online-embedding throughput of one shared <see cref="InductiveEmbedder"/> (one TorchSharp thread, as the server
/// runs) from 1, 2 and 4 calling threads: graph users with two live events each. "serialised" wraps every call in one
/// lock, as the embedder did before calls could run concurrently, for the same calls in the same process.
/// </summary>
internal static class InductiveThroughput
{
    public static int Run(string graphFolder, string checkpointFolder, int calls)
    {
        set_num_threads(1);
        var graph = new CsvGraphSource(graphFolder).Load();
        var (model, metadata) = Checkpoint.Load(checkpointFolder);
        using (model)
        {
            var embedder = new InductiveEmbedder(model, graph, CheckpointRows.Resolve(metadata, CheckpointIds.Read(checkpointFolder), graph));
            var random = new Random(7);
            var work = Enumerable.Range(0, calls).Select(_ => (graph.Users[random.Next(graph.UserCount)],
                new[] { new HistoryEvent(graph.Contents[random.Next(graph.ContentCount)], InteractionKind.Like, 1_800_000_000_000) })).ToArray();
            Measure(embedder, work.Take(100).ToArray(), 2, null); // warm-up: JIT, allocator, propagation tables
            var gate = new object();
            foreach (int threads in new[] { 1, 2, 4 })
            {
                double free = Measure(embedder, work, threads, null);
                double serialised = Measure(embedder, work, threads, gate);
                Console.WriteLine($"{threads} thread(s): concurrent {free:F0} calls/s, serialised {serialised:F0} calls/s ({free / serialised:F2}x)");
            }
        }

        return 0;
    }

    private static double Measure(InductiveEmbedder embedder, (string User, HistoryEvent[] Live)[] work, int threads, object? gate)
    {
        int next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            set_num_threads(1);
            for (int i = Interlocked.Increment(ref next); i < work.Length; i = Interlocked.Increment(ref next))
            {
                if (gate is null)
                {
                    embedder.Embed(work[i].User, null, work[i].Live);
                }
                else
                {
                    lock (gate) embedder.Embed(work[i].User, null, work[i].Live);
                }
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        return work.Length / clock.Elapsed.TotalSeconds;
    }
}
