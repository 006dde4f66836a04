using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Training;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Training;

public sealed class SoftmaxLossTests
{
    // Rows 0 and 1 over 4 columns; row 0's positives are columns 0 and 2, row 1's is column 1.
    private static readonly PositivePairs Positives =
        new(SparseBinaryMatrix.FromPairs(2, 4, [(0, 0), (0, 2), (1, 1)]));

    [Fact]
    public void Compute_HandMadeVectors_EqualsCrossEntropyWithPositivesOfTheRowMasked()
    {
        using var scope = NewDisposeScope();
        var users = tensor(new float[] { 1, 0, 0, 2 }).view(2, 2);
        var columns = tensor(new float[] { 1, 1, 0, 1, 2, 0, -1, 0 }).view(4, 2); // scores row 0: 1,0,2,-1; row 1: 2,2,0,0
        var batch = new TaskBatch([0, 1], [0, 1], [1, 2, 3], K: 3, Shared: true);
        var (loss, norms) = SoftmaxLoss.Compute(new VectorLookup(users), new VectorLookup(columns), batch, Positives,
            excludeSelf: false, temperature: 0.5);
        // Row 0: positive 0 (score 1) against candidates 1 (0) and 3 (-1); candidate 2 is its own positive: masked.
        var row0 = -Math.Log(Math.Exp(2) / (Math.Exp(2) + Math.Exp(0) + Math.Exp(-2)));
        // Row 1: positive 1 (score 2) against 2 (0) and 3 (0); candidate 1 is the positive itself: masked.
        var row1 = -Math.Log(Math.Exp(4) / (Math.Exp(4) + 2 * Math.Exp(0)));
        Assert.Equal((row0 + row1) / 2, loss.item<float>(), 5);
        // Mean squared norms of rows (1, 4), positives (2, 1) and candidates (1, 4, 1).
        Assert.Equal(2.5 + 1.5 + 2.0, norms.item<float>(), 5);
    }

    [Fact]
    public void Compute_FriendTask_MasksTheRowItself()
    {
        using var scope = NewDisposeScope();
        var friends = tensor(new float[] { 1, 0, 0, 1, 5, 5, 1, 1 }).view(4, 2);
        var pairs = new PositivePairs(SparseBinaryMatrix.FromPairs(4, 4, [(2, 0)]));
        // Row 2 scores itself 50; unmasked, that would swamp the softmax.
        var batch = new TaskBatch([2], [0], [2, 3], K: 2, Shared: true);
        var (loss, _) = SoftmaxLoss.Compute(new VectorLookup(friends), new VectorLookup(friends), batch, pairs,
            excludeSelf: true, temperature: 1);
        Assert.Equal(-Math.Log(Math.Exp(5) / (Math.Exp(5) + Math.Exp(10))), loss.item<float>(), 4);
    }

    [Fact]
    public void Compute_CandidatesNotShared_Throws()
    {
        using var scope = NewDisposeScope();
        var vectors = new VectorLookup(ones(4, 2));
        var batch = new TaskBatch([0], [0], [1, 2], K: 2);
        Assert.Throws<ArgumentException>(() => SoftmaxLoss.Compute(vectors, vectors, batch, Positives, false, 1));
    }

    [Fact]
    public void BatchPlan_Softmax_DrawsDistinctSharedCandidatesCappedAtColumns()
    {
        var content = new PositivePairs(SparseBinaryMatrix.FromPairs(3, 5, [(0, 0), (1, 1), (2, 2), (2, 4)]));
        var friends = new PositivePairs(SparseBinaryMatrix.FromPairs(3, 3, [(0, 1), (1, 2)]));
        var options = new TrainOptions { Loss = LossKind.Softmax, SharedNegatives = 4, BatchSize = 2 };
        var plan = new BatchPlan(content, friends, contentCount: 5, userCount: 3, options, new Random(1));
        var step = plan.Take(0, new Random(2));
        Assert.True(step.Content.Shared);
        Assert.Equal(4, step.Content.K);
        Assert.Equal(4, step.Content.Candidates.Distinct().Count());
        Assert.All(step.Content.Candidates, c => Assert.InRange(c, 0, 4));
        // Only 3 users exist: the friend task shares all of them.
        Assert.Equal(new[] { 0, 1, 2 }, step.Friends.Candidates.Order());
    }

    [Fact]
    public void TrainOptions_SoftmaxWithStaleNegatives_IsRejected()
    {
        var options = new TrainOptions { Loss = LossKind.Softmax, StaleNegatives = true, Mode = TrainMode.MiniBatch };
        Assert.Contains("StaleNegatives", Assert.Throws<ArgumentException>(options.Validate).Message);
        Assert.Throws<ArgumentException>(new TrainOptions { Temperature = 0 }.Validate);
    }
}
