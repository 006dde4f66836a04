using System.Diagnostics;
using GraphAttn.Graph.Splits;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Scoring;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

// One test here watches the process working set: run this class alone, after the parallel tests, so other tests'
// allocations cannot count as growth.
[CollectionDefinition(nameof(TrainerTests), DisableParallelization = true)]
public sealed class TrainerTestsCollection;

[Collection(nameof(TrainerTests))]
public sealed class TrainerTests
{
    private static readonly ModelOptions Model = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    /// <summary>Three communities' training graph and its random split (shared with the other trainer test classes).</summary>
    internal static (GraphAttn.Graph.SocialGraph Train, DatasetSplit Split) Data()
    {
        var full = CommunityGraph.Build(usersPerCommunity: 30, contentsPerCommunity: 40, interactionsPerUser: 15);
        var split = DatasetSplitter.Split(full, SplitKind.Random, seed: 7);
        return (TrainGraph.Build(full, split), split);
    }

    [Fact]
    public void Train_SameSeedTwice_GivesSameValidationMetrics()
    {
        var (train, split) = Data();
        var options = new TrainOptions { Epochs = 3, BatchSize = 256, Seed = 11 };
        var first = new Trainer(Model, options).Train(train, split.ContentValid);
        var second = new Trainer(Model, options).Train(train, split.ContentValid);
        Assert.Equal(first.Epochs.Select(e => e.ContentLoss), second.Epochs.Select(e => e.ContentLoss));
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Embeddings.Users, second.Embeddings.Users);
        first.Inputs.Dispose();
        second.Inputs.Dispose();
    }

    [Fact]
    public void Train_CommunityGraph_RanksHeldOutContentFarAboveChance()
    {
        var (train, split) = Data();
        var result = new Trainer(Model, new TrainOptions { Epochs = 25, BatchSize = 256, Patience = 25 }).Train(train, split.ContentValid);
        var metrics = Validator.ForContent(GraphAttn.Graph.Matrices.GraphViews.Interacted(train), split.ContentTest).Evaluate(result.Scorer());
        // Each user's held-out items lie among ~25 unseen items of its own community out of ~70 unseen overall:
        // chance Recall@20 is about 0.29; a model that learned the communities ranks them in the top 20 far more often.
        Assert.True(metrics["Recall@20"] > 0.5, $"Recall@20 {metrics["Recall@20"]:F3}");
        Assert.True(result.Epochs[^1].ContentLoss < result.Epochs[0].ContentLoss);
        result.Inputs.Dispose();
    }

    [Fact]
    public void Train_SoftmaxLossWithUnitVectors_LearnsCommunitiesAndServesUnitVectors()
    {
        var (train, split) = Data();
        var model = Model with { Normalize = true };
        var options = new TrainOptions { Epochs = 25, BatchSize = 256, Patience = 25, Loss = LossKind.Softmax, Temperature = 0.1, L2 = 0 };
        var result = new Trainer(model, options).Train(train, split.ContentValid);
        var metrics = Validator.ForContent(GraphAttn.Graph.Matrices.GraphViews.Interacted(train), split.ContentTest).Evaluate(result.Scorer());
        // Same bar as the BPR test above: chance Recall@20 is about 0.29.
        Assert.True(metrics["Recall@20"] > 0.5, $"Recall@20 {metrics["Recall@20"]:F3}");
        Assert.True(result.Epochs[^1].ContentLoss < result.Epochs[0].ContentLoss);
        var e = result.Embeddings;
        foreach (var (table, rows) in new[] { (e.Users, e.UserCount), (e.Contents, e.ContentCount), (e.Friends, e.UserCount) })
            for (var r = 0; r < rows; r++)
            {
                var norm = Math.Sqrt(table.AsSpan(r * e.Dimension, e.Dimension).ToArray().Sum(x => (double)x * x));
                Assert.Equal(1.0, norm, 4);
            }
        result.Inputs.Dispose();
    }

    [Fact]
    public void Train_FriendStructure_FitsTheWeightOnHeldOutFriendshipsAndScoresWithAllFollows()
    {
        var (train, split) = Data();
        var options = new TrainOptions { Epochs = 2, BatchSize = 256, Seed = 11 };
        var with = new Trainer(Model, options).Train(train, split.ContentValid);
        var fit = Assert.IsType<FriendStructureFitResult>(with.FriendFit);
        var heldOut = FriendValidation.Split(train, options.FriendValidationShare, options.Seed).HeldOut;
        Assert.Equal(heldOut.Pairs().Select(p => p.Row).Distinct().Count(), fit.Users);
        Assert.Equal(fit.Weight, with.FriendStructureWeight, 6);
        Assert.Same(with.FriendStructure, with.Scorer().Structure);
        if (fit.Weight > 0)
        {
            // The fit ranks friendships the model never saw; scoring afterwards walks every known follow.
            Assert.Equal(GraphAttn.Graph.Neighbourhood.Undirected(train).EdgeCount, with.FriendStructure!.Friends.EdgeCount);
        }
        else
        {
            Assert.Null(with.FriendStructure);
        }
        Assert.True(fit.Metrics[Validator.Metric] >= fit.EmbeddingsOnly[Validator.Metric]);
        // The model learned without the held-out friendships; the vectors it hands on attend over all of them.
        using (var all = new GraphInputs(train, Model))
            Assert.Equal(Trainer.Embed(with.Model, all).Users, with.Embeddings.Users);

        var without = new Trainer(Model, options with { FriendStructure = false }).Train(train, split.ContentValid);
        Assert.Null(without.FriendFit);
        Assert.Null(without.Scorer().Structure);
        Assert.Equal(0, without.FriendStructureWeight);
        with.Inputs.Dispose();
        without.Inputs.Dispose();
    }

    [Fact]
    public void Train_ManySteps_NativeMemoryStaysFlat()
    {
        var (train, split) = Data();
        var memory = new List<long>();
        var progress = new Recorder(memory);
        // One step per epoch (batch larger than the data) plus a validation pass: 120 steps in all.
        var result = new Trainer(Model, new TrainOptions { Epochs = 120, BatchSize = 100_000, Patience = 1000 })
            .Train(train, split.ContentValid, progress);
        result.Inputs.Dispose();
        var growth = memory[^1] - memory[20];
        Assert.True(growth < 40L << 20, $"process memory grew {growth >> 20} MiB between step 20 and step 120");
    }

    [Fact]
    public void ModelScorer_HandMadeEmbeddings_ScoresAreDotProducts()
    {
        var embeddings = new ModelEmbeddings(2, users: [1, 2, 0, 1], contents: [3, 4, -1, 1, 0, 0], friends: [1, 0, 0, 1]);
        var scorer = new ModelScorer(embeddings);
        var content = new float[3];
        scorer.ScoreContent(0, content);
        Assert.Equal(new[] { 11f, 1f, 0f }, content);
        var users = new float[2];
        scorer.ScoreUsers(1, users);
        Assert.Equal(new[] { 0f, 1f }, users);
    }

    private sealed class Recorder(List<long> memory) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value)
        {
            using var process = Process.GetCurrentProcess();
            memory.Add(process.WorkingSet64);
        }
    }
}
