using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Benchmarks;

/// <summary>
/// Writes a checkpoint of an UNTRAINED model (seed 2026) shaped for a graph, with id tables. Embedding throughput does
/// not depend on the weights' values, only on shapes and degrees, so this stands in for training on a graph too large
/// to train in a benchmark session.
/// </summary>
internal static class InitCheckpoint
{
    public static int Run(string graphFolder, string output, int dimension)
    {
        var graph = new CsvGraphSource(graphFolder).Load();
        manual_seed(2026);
        var options = new ModelOptions { Dimension = dimension };
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options, 2026);
        Checkpoint.Save(output, model, new CheckpointMetadata
        {
            CreatedUtc = DateTime.UtcNow,
            Source = $"csv:{graphFolder} (untrained, seed 2026)",
            GraphFingerprint = graph.Fingerprint,
            TrainFingerprint = graph.Fingerprint,
            Split = "none (untrained)",
            Users = graph.UserCount,
            Contents = graph.ContentCount,
            Topics = graph.TopicCount,
            Model = options,
        }, CheckpointIds.Of(graph));
        Console.WriteLine($"wrote untrained checkpoint for {graph} to {output}");
        return 0;
    }
}
