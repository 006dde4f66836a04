using GraphAttn.Graph;
using GraphAttn.Graph.Matrices;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

// Training draws from TorchSharp's process-wide generator: run alone, so other tests cannot interleave draws.
[Collection(nameof(MiniBatchMemoryTests))]
public sealed class MiniBatchTrainerTests
{
    private static readonly ModelOptions Model = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    private static readonly TrainOptions MiniBatch = new()
    {
        Mode = TrainMode.MiniBatch,
        FanOut = new FanOut(3, 5, 5),
        BatchSize = 128,
        EmbedChunk = 17,
    };

    private static (SocialGraph Train, DatasetSplit Split) Data()
    {
        var full = CommunityGraph.Build(usersPerCommunity: 30, contentsPerCommunity: 40, interactionsPerUser: 15);
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 7);
        return (TrainGraph.Build(full, split), split);
    }

    // Propagation: every step recomputes the tables over the training graph, and validation computes them once.
    private static ModelOptions WithLayers(int layers) => Model with { PropagationLayers = layers };

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Train_MiniBatchSameSeedTwice_GivesSameLossesAndMetrics(int propagationLayers)
    {
        var (train, split) = Data();
        var options = MiniBatch with { Epochs = 3, Seed = 11 };
        var first = new Trainer(WithLayers(propagationLayers), options).Train(train, split.ContentValid);
        var second = new Trainer(WithLayers(propagationLayers), options).Train(train, split.ContentValid);
        Assert.Equal(first.Epochs.Select(e => e.ContentLoss), second.Epochs.Select(e => e.ContentLoss));
        Assert.Equal(first.Epochs.Select(e => e.FriendLoss), second.Epochs.Select(e => e.FriendLoss));
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Embeddings.Users, second.Embeddings.Users);
        first.Inputs.Dispose();
        second.Inputs.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Train_MiniBatch_EmbeddingsInChunksEqualFullGraphForward(int propagationLayers)
    {
        var (train, split) = Data();
        var result = new Trainer(WithLayers(propagationLayers), MiniBatch with { Epochs = 2 }).Train(train, split.ContentValid);
        var full = Trainer.Embed(result.Model, result.Inputs);
        AssertClose(full.Users, result.Embeddings.Users);
        AssertClose(full.Friends, result.Embeddings.Friends);
        AssertClose(full.Contents, result.Embeddings.Contents);
        result.Inputs.Dispose();
    }

    [Fact]
    public void Train_MiniBatchCommunityGraph_RanksHeldOutContentFarAboveChance()
    {
        var (train, split) = Data();
        var result = new Trainer(Model, MiniBatch with { Epochs = 25, Patience = 25 }).Train(train, split.ContentValid);
        var metrics = Validator.ForContent(GraphViews.Interacted(train), split.ContentTest).Evaluate(result.Scorer());
        // As for full-graph training: chance Recall@20 is about 0.29 here (see TrainerTests).
        Assert.True(metrics["Recall@20"] > 0.5, $"Recall@20 {metrics["Recall@20"]:F3}");
        Assert.True(result.Epochs[^1].ContentLoss < result.Epochs[0].ContentLoss);
        result.Inputs.Dispose();
    }

    [Fact]
    public void Train_MiniBatchStaleNegatives_LearnsOnCommunityGraph()
    {
        var (train, split) = Data();
        var result = new Trainer(Model, MiniBatch with { Epochs = 25, Patience = 25, StaleNegatives = true })
            .Train(train, split.ContentValid);
        var metrics = Validator.ForContent(GraphViews.Interacted(train), split.ContentTest).Evaluate(result.Scorer());
        Assert.True(metrics["Recall@20"] > 0.5, $"Recall@20 {metrics["Recall@20"]:F3}");
        result.Inputs.Dispose();
    }

    [Fact]
    public void Step_StaleNegatives_ComputesFarFewerContents()
    {
        // A graph much larger than a step, so that a step's candidates rarely collide.
        var graph = UniformGraph.Build(users: 3000, contents: 3000);
        var options = MiniBatch with { BatchSize = 32, EmbedChunk = 1024 };
        var stale = FirstSteps(graph, options with { StaleNegatives = true });
        var current = FirstSteps(graph, options);
        // 32 positives x 8 candidates are targets unless the negatives are chosen beforehand (then 32 + 32).
        Assert.True(stale.Average(s => s.Contents) < 0.4 * current.Average(s => s.Contents),
            $"contents per step: stale {stale.Average(s => s.Contents):F0}, current {current.Average(s => s.Contents):F0}");
    }

    private static List<StepStats> FirstSteps(SocialGraph graph, TrainOptions options)
    {
        var stats = new List<StepStats>();
        using var stop = new CancellationTokenSource();
        var trainer = new Trainer(Model, options with { Epochs = 1 })
        {
            StepObserved = s =>
            {
                stats.Add(s);
                if (stats.Count == 5) stop.Cancel();
            },
        };
        Assert.Throws<OperationCanceledException>(() => trainer.Train(graph, validation: null, ct: stop.Token));
        return stats;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-5f, $"max |full - chunked| = {worst:G3}");
    }
}
