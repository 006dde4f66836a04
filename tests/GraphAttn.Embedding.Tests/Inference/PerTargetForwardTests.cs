using GraphAttn.Graph;
using GraphAttn.Model.Attention;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Tests.Inference;

/// <summary>The per-target forward against the full-graph forward: same targets, all in-edges => same vectors.</summary>
public sealed class PerTargetForwardTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void ForwardUsers_DemoGraphInBatchesWithAllInEdges_EqualsFullForward() =>
        AssertBlocksEqualFull(SampleGraphs.Demo, new ModelOptions(), batch: 700, shuffle: false);

    [Fact]
    public void ForwardUsers_RandomGraphShuffledTargets_EqualsFullForward() =>
        AssertBlocksEqualFull(SampleGraphs.Random(), new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6 }, batch: 37, shuffle: true);

    [Fact]
    public void ForwardUsers_DemoGraphWithPropagation_EqualsFullForward() =>
        AssertBlocksEqualFull(SampleGraphs.Demo, new ModelOptions { PropagationLayers = 2 }, batch: 700, shuffle: false);

    [Fact]
    public void ForwardUsers_RandomGraphWithThreePropagationLayers_EqualsFullForward() =>
        AssertBlocksEqualFull(SampleGraphs.Random(), new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6, PropagationLayers = 3 },
            batch: 37, shuffle: true);

    [Fact]
    public void ForwardUsers_PropagationModelWithoutTables_ThrowsNamingTheFix()
    {
        var graph = SampleGraphs.Random();
        var options = new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6, PropagationLayers = 2 };
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        using var inputs = new GraphInputs(graph, options);
        var block = UserBlock.Full(graph, inputs.History, [1, 2]);
        var e = Assert.Throws<ArgumentException>(() => model.ForwardUsers(block, BlockContext.ForTrainingGraph(graph)));
        Assert.Contains("propagation tables", e.Message);
        Assert.Throws<ArgumentException>(() => model.ForwardContents(ContentBlock.Full(graph, [0, 1]), BlockContext.ForTrainingGraph(graph)));
    }

    [Fact]
    public void ForwardUsers_FolloweeDropped_ChangesOnlyThatTarget()
    {
        var graph = SampleGraphs.Random();
        // One hop per relation, as the test is about: without the propagations' whole-graph tables.
        var options = new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6, PropagationLayers = 0, FriendPropagationLayers = 0 };
        manual_seed(3);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var inputs = new GraphInputs(graph, options);
        var context = BlockContext.ForTrainingGraph(graph);
        int[] targets = [1, 2, 3];
        var full = UserBlock.Full(graph, inputs.History, targets);
        Assert.True(full.Followees.Of(1).Length >= 2, "user 2 needs two followees for this test");
        var lists = Enumerable.Range(0, 3).Select(t => (IReadOnlyList<int>)full.Followees.Of(t).ToArray()).ToArray();
        lists[1] = lists[1].Skip(1).ToArray();
        var sampled = full with { Followees = TargetEdges.FromLists(lists) };
        var a = model.ForwardUsers(full, context).Users;
        var b = model.ForwardUsers(sampled, context).Users;
        var rowDiff = (a - b).abs().amax([1]);
        Assert.True(rowDiff[1].item<float>() > 1e-4, "dropping a followee must change that user's vector");
        Assert.Equal(0f, rowDiff[0].item<float>());
        Assert.Equal(0f, rowDiff[2].item<float>());
    }

    [Fact]
    public void ForwardUsers_TargetListedTwice_ThrowsArgumentException()
    {
        var graph = SampleGraphs.Random();
        var options = new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6 };
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        using var inputs = new GraphInputs(graph, options);
        var block = UserBlock.Full(graph, inputs.History, [4, 4]);
        var e = Assert.Throws<ArgumentException>(() => model.ForwardUsers(block, BlockContext.ForTrainingGraph(graph)));
        Assert.Contains("twice", e.Message);
    }

    private static void AssertBlocksEqualFull(SocialGraph graph, ModelOptions options, int batch, bool shuffle)
    {
        manual_seed(11);
        using var model = new SocialRecModel(graph.UserCount, graph.ContentCount, graph.TopicCount, options);
        model.eval();
        model.UseImplementation(GatImplementation.Fused);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var inputs = new GraphInputs(graph, options);
        var full = model.forward(inputs);
        var fullHistory = model.History.LastPoolWeights!.clone();
        var userWeights = model.get_parameter("user_emb.weight")!;
        var fullAlpha = model.FollowAttention.AttentionCoefficients(userWeights, userWeights, inputs.Follows);
        var context = BlockContext.ForTrainingGraph(graph);
        if (options.PropagationLayers > 0) context = context.With(model.Propagate(PropagationGraph.From(graph), context));
        var order = Enumerable.Range(0, graph.UserCount).ToArray();
        if (shuffle) new Random(7).Shuffle(order);
        var contentOrder = Enumerable.Range(0, graph.ContentCount).ToArray();
        if (shuffle) new Random(8).Shuffle(contentOrder);

        for (var start = 0; start < order.Length; start += batch)
        {
            var targets = order.AsSpan(start, Math.Min(batch, order.Length - start)).ToArray();
            var block = UserBlock.Full(graph, inputs.History, targets);
            var output = model.ForwardUsers(block, context, withAttention: true);
            var index = tensor(targets.Select(t => (long)t).ToArray());
            TensorAssert.CloseAbsolute(output.Users, full.Users.index_select(0, index), Tolerance, $"users of batch at {start}");
            TensorAssert.CloseAbsolute(output.Friends, full.Friends.index_select(0, index), Tolerance, $"friends of batch at {start}");
            TensorAssert.CloseAbsolute(output.HistoryWeights, fullHistory.index_select(0, index), Tolerance, $"history weights at {start}");
            AssertFollowAttention(block, output.FollowAttention!, inputs.Follows, fullAlpha, options.Heads);
        }
        for (var start = 0; start < contentOrder.Length; start += batch)
        {
            var targets = contentOrder.AsSpan(start, Math.Min(batch, contentOrder.Length - start)).ToArray();
            var output = model.ForwardContents(ContentBlock.Full(graph, targets), context);
            var index = tensor(targets.Select(t => (long)t).ToArray());
            TensorAssert.CloseAbsolute(output, full.Contents.index_select(0, index), Tolerance, $"contents of batch at {start}");
        }
    }

    private static void AssertFollowAttention(UserBlock block, float[] actual, GatEdges fullEdges, float[] fullAlpha, int heads)
    {
        var expected = new float[actual.Length];
        for (var t = 0; t < block.Targets.Length; t++)
        {
            var user = block.Targets[t];
            var followees = block.Followees.Of(t);
            for (var k = 0; k < followees.Length; k++)
            {
                // Full-graph edges of a user: the self-loop first, then followees in CSR order (the block's order).
                var e = fullEdges.TargetOffsets[user] + 1 + k;
                Assert.Equal(followees[k], fullEdges.Sources[e]);
                var sum = 0f;
                for (var h = 0; h < heads; h++) sum += fullAlpha[e * heads + h];
                expected[block.Followees.Offsets[t] + k] = sum / heads;
            }
        }
        TensorAssert.CloseAbsolute(actual, expected, Tolerance, "follow attention");
    }
}
