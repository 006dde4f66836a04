using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Tests.Shared;

/// <summary>Seeded untrained models with checkpoint metadata, for equivalence tests.</summary>
internal static class UntrainedModels
{
    public static readonly ModelOptions Small = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    public static SocialRecModel Untrained(SocialGraph graph, ModelOptions? options = null, int seed = 11)
    {
        manual_seed(seed);
        var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options ?? Small);
        model.eval();
        return model;
    }

    public static CheckpointMetadata Metadata(SocialGraph graph, ModelOptions? options = null) => new()
    {
        Version = Checkpoint.CurrentVersion,
        CreatedUtc = new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc),
        GraphFingerprint = graph.Fingerprint,
        TrainFingerprint = graph.Fingerprint,
        Users = graph.UserCount,
        Contents = graph.ContentCount,
        Topics = graph.TopicCount,
        Model = options ?? Small,
    };
}
