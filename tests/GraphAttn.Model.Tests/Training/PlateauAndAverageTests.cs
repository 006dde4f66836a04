using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Training;

/// <summary>Learning-rate decay at a plateau (<see cref="TrainOptions.LearningRateDecays"/>) and the moving average of
/// the weights (<see cref="TrainOptions.WeightAverage"/>). Runs are compared step for step, so this class shares the
/// trainer tests' serial collection: libtorch's global generator must not be drawn from by a test running beside it.</summary>
[Collection(nameof(TrainerTests))]
public sealed class PlateauAndAverageTests
{
    private static readonly ModelOptions Model = new() { Dimension = 16, Heads = 4, HistoryLength = 6 };

    [Fact]
    public void Train_PlateauWithDecays_GoesOnAtAFractionOfTheRateAndKeepsTheBestEpoch()
    {
        var (train, split) = TrainerTests.Data();
        var options = new TrainOptions
        {
            Epochs = 40,
            BatchSize = 256,
            Patience = 1,
            LearningRate = 0.02,
            Seed = 5,
            FriendStructure = false,
            LearningRateDecays = 0,
            WeightAverage = 0,
        };
        var plain = new Trainer(Model, options).Train(train, split.ContentValid);
        var decayed = new Trainer(Model, options with { LearningRateDecays = 2, LearningRateDecayFactor = 0.25 })
            .Train(train, split.ContentValid);
        var stoppedAt = plain.Epochs.Count;
        Assert.True(stoppedAt < options.Epochs, "the plain run must end on a plateau for the comparison to mean anything");

        // Up to the plateau both runs are the same run; then the decayed one goes on at a quarter, then a sixteenth.
        Assert.Equal(plain.Epochs.Select(e => e.ContentLoss), decayed.Epochs.Take(stoppedAt).Select(e => e.ContentLoss));
        Assert.True(decayed.Epochs.Count > stoppedAt);
        Assert.All(decayed.Epochs.Take(stoppedAt), e => Assert.Equal(0.02, e.LearningRate));
        Assert.Equal(0.005, decayed.Epochs[stoppedAt].LearningRate);
        Assert.Subset(new HashSet<double> { 0.02, 0.005, 0.00125 }, decayed.Epochs.Select(e => e.LearningRate).ToHashSet());
        // The rate never rises, and the kept epoch is the best one of all of them.
        Assert.True(decayed.Epochs.Zip(decayed.Epochs.Skip(1)).All(p => p.Second.LearningRate <= p.First.LearningRate));
        var best = decayed.Epochs.MaxBy(e => e.Validation[Validator.Metric])!;
        Assert.Equal(best.Epoch, decayed.BestEpoch);
        Assert.True(decayed.Validation[Validator.Metric] >= plain.Validation[Validator.Metric]);
        plain.Inputs.Dispose();
        decayed.Inputs.Dispose();
    }

    [Fact]
    public void Train_WeightAverage_ReturnsTheAveragedModelItValidated()
    {
        var (train, split) = TrainerTests.Data();
        // Without the content filter term the returned scorer ranks by the vectors alone, as validation did.
        var options = new TrainOptions { Epochs = 6, BatchSize = 256, Seed = 5, FriendStructure = false, WeightAverage = 0.8, ContentFilter = false, LearningRateDecays = 0 };
        var averaged = new Trainer(Model, options).Train(train, split.ContentValid);
        var raw = new Trainer(Model, options with { WeightAverage = 0 }).Train(train, split.ContentValid);
        // Training itself follows the raw weights: the same losses with or without the average.
        Assert.Equal(raw.Epochs.Select(e => e.ContentLoss), averaged.Epochs.Select(e => e.ContentLoss));
        // What was judged is what is returned: the returned vectors score the validation set as the best epoch did.
        var again = Validator.ForContent(GraphViews.Interacted(train), split.ContentValid).Evaluate(averaged.Scorer());
        Assert.Equal(averaged.Validation[Validator.Metric], again[Validator.Metric], 12);
        Assert.NotEqual(raw.Embeddings.Users, averaged.Embeddings.Users);
        averaged.Inputs.Dispose();
        raw.Inputs.Dispose();
    }

    [Fact]
    public void WeightAverage_Updates_FollowTheMovingAverageAndSwapBackExactly()
    {
        using var scope = NewDisposeScope();
        var weight = new Parameter(tensor(new[] { 1f, 2f }));
        using var average = new WeightAverage([weight], 0.5);
        using (no_grad()) weight.copy_(tensor(new[] { 3f, 6f }));
        average.Update(); // 0.5 * (1, 2) + 0.5 * (3, 6)
        using (no_grad()) weight.copy_(tensor(new[] { 5f, -2f }));
        average.Update(); // 0.5 * (2, 4) + 0.5 * (5, -2)
        average.SwapIn();
        Assert.Equal(new[] { 3.5f, 1f }, weight.data<float>().ToArray());
        Assert.Throws<InvalidOperationException>(average.SwapIn);
        average.SwapOut();
        Assert.Equal(new[] { 5f, -2f }, weight.data<float>().ToArray());
        Assert.Throws<InvalidOperationException>(average.SwapOut);
        average.Reset();
        average.SwapIn();
        Assert.Equal(new[] { 5f, -2f }, weight.data<float>().ToArray());
        average.SwapOut();
    }

    [Theory]
    [InlineData(-1, 0.5, 0.0)]
    [InlineData(1, 1.0, 0.0)]
    [InlineData(1, 0.0, 0.0)]
    [InlineData(0, 0.5, 1.0)]
    [InlineData(0, 0.5, -0.1)]
    public void Validate_BadDecayOrAverage_Throws(int decays, double factor, double average)
    {
        var options = new TrainOptions { LearningRateDecays = decays, LearningRateDecayFactor = factor, WeightAverage = average };
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
