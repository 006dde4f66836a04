using GraphAttn.Evaluation.Data;
using GraphAttn.Evaluation.Splits;
using GraphAttn.Graph;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Sampling;
using GraphAttn.Model.Tests.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

// Training draws from TorchSharp's process-wide generator: run alone, so other tests cannot interleave draws.
[Collection(nameof(MiniBatchMemoryTests))]
public sealed class MiniBatchTrainerTests
{
    private static readonly ModelOptions Model = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    private static readonly TrainOptions MiniBatch = new()
    {
        Mode = TrainMode.MiniBatch, FanOut = new FanOut(3, 5, 5), BatchSize = 128, EmbedChunk = 17,
    };

    private static (SocialGraph Train, DatasetSplit Split) Data()
    {
        var full = CommunityGraph.Build(usersPerCommunity: 30, contentsPerCommunity: 40, interactionsPerUser: 15);
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 7);
        return (TrainGraph.Build(full, split), split);
    }

    [Fact]
    public void Train_MiniBatchSameSeedTwice_GivesSameLossesAndMetrics()
    {
        var (train, split) = Data();
        var options = MiniBatch with { Epochs = 3, Seed = 11 };
        var first = new Trainer(Model, options).Train(train, split.ContentValid);
        var second = new Trainer(Model, options).Train(train, split.ContentValid);
        Assert.Equal(first.Epochs.Select(e => e.ContentLoss), second.Epochs.Select(e => e.ContentLoss));
        Assert.Equal(first.Epochs.Select(e => e.FriendLoss), second.Epochs.Select(e => e.FriendLoss));
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Embeddings.Users, second.Embeddings.Users);
        first.Inputs.Dispose();
        second.Inputs.Dispose();
    }

    [Fact]
    public void Train_MiniBatch_EmbeddingsInChunksEqualFullGraphForward()
    {
        var (train, split) = Data();
        var result = new Trainer(Model, MiniBatch with { Epochs = 2 }).Train(train, split.ContentValid);
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

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-5f, $"max |full - chunked| = {worst:G3}");
    }
}
