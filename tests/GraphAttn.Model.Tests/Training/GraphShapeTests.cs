using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

/// <summary>
/// Every graph shape trains, embeds, scores and survives a checkpoint round trip: a couple of epochs on a tiny graph
/// that lacks one part. What is checked is that nothing throws and every vector and score is finite, not quality.
/// </summary>
public sealed class GraphShapeTests
{
    private static readonly ModelOptions Model = new() { Dimension = 8, Heads = 2, HistoryLength = 3, PropagationLayers = 2 };
    private static readonly TrainOptions Training = new() { Epochs = 2, BatchSize = 16, Seed = 5 };

    public static TheoryData<string> Shapes => ["friends-only", "interactions-only", "no-topics", "no-timestamps",
        "users-without-history", "content-without-interactions"];

    private static SocialGraph Shape(string name) => name switch
    {
        "friends-only" => GraphShapes.FriendsOnly(),
        "interactions-only" => GraphShapes.InteractionsOnly(),
        "no-topics" => GraphShapes.NoTopics(),
        "no-timestamps" => GraphShapes.NoTimestamps(),
        "users-without-history" => GraphShapes.UsersWithoutHistory(),
        "content-without-interactions" => GraphShapes.ContentWithoutInteractions(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Train_EveryShape_GivesFiniteVectorsScoresAndACheckpointRoundTrip(string shape)
    {
        var graph = Shape(shape);
        var result = new Trainer(Model, Training).Train(graph, validation: null);
        try
        {
            Assert.Equal(2, result.Epochs.Count);
            AssertFinite(result.Embeddings, graph);
            AssertScoresFinite(result.Scorer(), graph);
            RoundTrip(result, graph);
        }
        finally
        {
            result.Inputs.Dispose();
            result.Model.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TrainMiniBatch_EveryShape_GivesFiniteVectors(string shape)
    {
        var graph = Shape(shape);
        var result = new Trainer(Model, Training with { Mode = TrainMode.MiniBatch }).Train(graph, validation: null);
        try
        {
            AssertFinite(result.Embeddings, graph);
            AssertScoresFinite(result.Scorer(), graph);
        }
        finally
        {
            result.Inputs.Dispose();
            result.Model.Dispose();
        }
    }

    private static void RoundTrip(TrainResult result, SocialGraph graph)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"graphattn-shape-{Guid.NewGuid():N}");
        try
        {
            Checkpoint.Save(folder, result.Model, new CheckpointMetadata
            {
                GraphFingerprint = graph.Fingerprint,
                TrainFingerprint = graph.Fingerprint,
                Users = graph.UserCount,
                Contents = graph.ContentCount,
                Topics = graph.TopicCount,
                Model = Model,
                Training = Training,
            }, CheckpointIds.Of(graph));
            var (model, _) = Checkpoint.Load(folder);
            using (model)
            {
                var again = Trainer.Embed(model, result.Inputs);
                Assert.Equal(result.Embeddings.Users, again.Users);
                Assert.Equal(result.Embeddings.Contents, again.Contents);
                Assert.Equal(result.Embeddings.Friends, again.Friends);
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertFinite(ModelEmbeddings e, SocialGraph graph)
    {
        Assert.Equal(graph.UserCount, e.UserCount);
        Assert.Equal(graph.ContentCount, e.ContentCount);
        Assert.All(e.Users, v => Assert.True(float.IsFinite(v)));
        Assert.All(e.Contents, v => Assert.True(float.IsFinite(v)));
        Assert.All(e.Friends, v => Assert.True(float.IsFinite(v)));
    }

    private static void AssertScoresFinite(ModelScorer scorer, SocialGraph graph)
    {
        var contents = new float[graph.ContentCount];
        var users = new float[graph.UserCount];
        for (var u = 0; u < graph.UserCount; u++)
        {
            scorer.ScoreContent(u, contents);
            scorer.ScoreUsers(u, users);
            Assert.All(contents, s => Assert.True(float.IsFinite(s)));
            Assert.All(users, s => Assert.True(float.IsFinite(s)));
        }
    }
}
