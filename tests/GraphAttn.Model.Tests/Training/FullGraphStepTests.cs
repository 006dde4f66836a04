using GraphAttn.Graph.Matrices;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;
using static TorchSharp.torch;

namespace GraphAttn.Model.Tests.Training;

public sealed class FullGraphStepTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(2, 2)]
    [InlineData(0, 3)]
    public void Forward_StepUsersOnly_EqualsWholeGraphForwardRows(int propagation, int friendPropagation)
    {
        var graph = CommunityGraph.Build();
        var modelOptions = new ModelOptions
        {
            Dimension = 8,
            Heads = 2,
            HistoryLength = 4,
            PropagationLayers = propagation,
            FriendPropagationLayers = friendPropagation,
        };
        var options = new TrainOptions { BatchSize = 64, Seed = 4, WholeHistoryDropout = 0 };
        using var inputs = new GraphInputs(graph, modelOptions);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, modelOptions, 4);
        model.eval();
        var content = new PositivePairs(GraphViews.Interacted(graph));
        var follows = new PositivePairs(GraphViews.Following(graph));
        var plan = new BatchPlan(content, follows, graph.ContentCount, graph.UserCount, options, new Random(1));
        var forward = new FullGraphForward(graph, inputs, options, follows);
        var batch = forward.Prepare(plan.Take(0, new Random(2)), 0);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var step = forward.Forward(model, batch, 0);
        var whole = model.forward(inputs);
        var users = batch.Users();
        Assert.True(users.Length < graph.UserCount, "a step of 64 pairs should not need every user");
        Assert.Equal(graph.ContentCount, (int)step.Contents.Table.shape[0]);
        Close(whole.Contents, step.Contents.Table);
        var rows = tensor(users.Select(u => (long)u).ToArray());
        Close(whole.Users.index_select(0, rows), step.Users.Rows(users));
        Close(whole.Friends.index_select(0, rows), step.Friends.Rows(users));
    }

    [Fact]
    public void Prepare_StepFriendNegatives_DrawsFromTheStepsUsersOnly()
    {
        var graph = CommunityGraph.Build();
        var options = new TrainOptions { BatchSize = 64, Seed = 4, NegativeCandidates = 6 };
        var content = new PositivePairs(GraphViews.Interacted(graph));
        var follows = new PositivePairs(GraphViews.Following(graph));
        var plan = new BatchPlan(content, follows, graph.ContentCount, graph.UserCount, options, new Random(1));
        using var inputs = new GraphInputs(graph, new ModelOptions { Dimension = 8, Heads = 2, HistoryLength = 4 });
        var forward = new FullGraphForward(graph, inputs, options, follows);
        var drawn = plan.Take(0, new Random(2));
        var first = forward.Prepare(drawn, 7);
        var again = forward.Prepare(drawn, 7);
        Assert.Equal(first.Friends.Candidates, again.Friends.Candidates);
        var pool = drawn.Content.Rows.Concat(drawn.Friends.Rows).Concat(drawn.Friends.Positives).ToHashSet();
        Assert.All(first.Friends.Candidates, c => Assert.Contains(c, pool));
        for (var i = 0; i < first.Friends.Count; i++)
            foreach (var c in first.Friends.Candidates.AsSpan(i * 6, 6))
            {
                Assert.NotEqual(first.Friends.Rows[i], c);
                Assert.False(follows.Matrix.Contains(first.Friends.Rows[i], c));
            }
        Assert.Equal(first.Users().Length, first.Content.Rows.Concat(first.Friends.Rows).Concat(first.Friends.Positives).Distinct().Count());
        var uniform = new FullGraphForward(graph, inputs, options with { StepFriendNegatives = false }, follows).Prepare(drawn, 7);
        Assert.Same(drawn, uniform);
    }

    private static void Close(Tensor expected, Tensor actual)
    {
        var difference = (expected - actual).abs().max().item<float>();
        var scale = expected.abs().max().item<float>();
        Assert.True(difference <= 1e-5f * (1 + scale), $"max |difference| {difference} (scale {scale})");
    }
}
