using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Training;

namespace GraphAttn.Model.Tests.Training;

public sealed class BatchPlanTests
{
    [Theory]
    [InlineData(0, TrainMode.Full, 74_000, 8192)] // Last.fm-sized: the minimum
    [InlineData(0, TrainMode.Full, 975_000, 40_625)] // a million interactions: 24 steps
    [InlineData(0, TrainMode.MiniBatch, 975_000, 8192)]
    [InlineData(1000, TrainMode.Full, 975_000, 1000)] // an explicit batch is kept
    public void AutoBatch_GraphSizeAndMode_GivesTheDocumentedBatch(int batch, TrainMode mode, int positives, int expected) =>
        Assert.Equal(expected, new TrainOptions { BatchSize = batch, Mode = mode }.AutoBatch(positives));

    [Fact]
    public void Steps_MoreFollowsThanInteractions_CutsTheFollowsIntoBatches()
    {
        // 3 interactions and 2,500 follows with a batch of 1,000: three steps, the follows spread evenly over them.
        var content = new PositivePairs(SparseBinaryMatrix.FromPairs(60, 4, [(0, 0), (1, 1), (2, 2)]));
        var follows = new PositivePairs(SparseBinaryMatrix.FromPairs(60, 60,
            Enumerable.Range(0, 60).SelectMany(u => Enumerable.Range(0, 60).Where(v => v != u).Select(v => (u, v))).Take(2500)));
        Assert.Equal(2500, follows.Count);
        var plan = new BatchPlan(content, follows, 4, 60, new TrainOptions { BatchSize = 1000, NegativeCandidates = 1 }, new Random(1));
        Assert.Equal(3, plan.Steps);
        var batches = Enumerable.Range(0, plan.Steps).Select(s => plan.Take(s, new Random(s))).ToArray();
        Assert.Equal(follows.Count, batches.Sum(b => b.Friends.Count));
        Assert.All(batches, b => Assert.InRange(b.Friends.Count, 832, 834)); // ⌈2500 / 3⌉ = 834, the last step the rest
        Assert.Equal(3, batches.Sum(b => b.Content.Count));
    }
}
