using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;
using GraphAttn.Model.Training;

namespace GraphAttn.Embedding.Tests.Inductive;

public sealed class InductiveEmbedderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)] // the interaction propagation: batch and request time both read the graph's tables
    public void Embed_UserInGraphWithNoExtraInputs_EqualsBatchEmbedding(int propagationLayers)
    {
        var graph = SampleGraphs.Demo;
        var options = new ModelOptions { PropagationLayers = propagationLayers };
        using var model = UntrainedModels.Untrained(graph, options);
        var metadata = UntrainedModels.Metadata(graph, options);
        var snapshot = SnapshotBuilder.Build(model, metadata, CheckpointIds.Of(graph), graph, new EmbedOptions { BatchSize = 1000 });
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);

        foreach (var u in Enumerable.Range(0, graph.UserCount).Where(u => u % 97 == 0))
        {
            var result = inductive.Embed(graph.Users[u]);
            if (graph.Following.Degree(u) == 0 && graph.Interactions.CountOf(u) == 0)
            {
                Assert.Null(result);
                continue;
            }
            Assert.NotNull(result);
            TensorAssert.CloseAbsolute(result.User, snapshot.UserVectors.Row(u), 1e-5, $"user {u}");
            TensorAssert.CloseAbsolute(result.Friend, snapshot.FriendVectors.Row(u), 1e-5, $"friend vector of {u}");
            Assert.Equal(snapshot.FriendAttention.RowTargets(u).ToArray().Select(f => graph.Users[f]), result.TopFriends.Select(f => f.UserId));
            Assert.Equal(snapshot.HistoryAttention.RowTargets(u).ToArray().Select(c => graph.Contents[c]), result.TopHistory.Select(h => h.ContentId));
            Assert.True(result.KnownUser);
        }
    }

    [Fact]
    public void Embed_NothingKnown_ReturnsNull()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);

        Assert.Null(inductive.Embed("stranger"));
        Assert.Null(inductive.Embed("stranger", ["nobody"], [new HistoryEvent("no-such-content", InteractionKind.Like, 1)]));
        Assert.NotNull(inductive.Embed("stranger", ["u1"]));
    }

    [Fact]
    public void Embed_LiveEvent_MovesTheHistoryViewAndShowsInReasons()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);
        var user = Enumerable.Range(0, graph.UserCount).First(u => graph.Interactions.CountOf(u) > 3);
        var fresh = Enumerable.Range(0, graph.ContentCount).First(c => !graph.Interactions.ContentOf(user).Contains(c));
        var latest = graph.Interactions.TimestampsOf(user)[^1];

        var before = inductive.Embed(graph.Users[user])!;
        var after = inductive.Embed(graph.Users[user], liveEvents: [new HistoryEvent(graph.Contents[fresh], InteractionKind.Share, latest + 1000)])!;

        var moved = before.User.Zip(after.User, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(moved > 1e-4, $"a new event should change the user vector (moved {moved})");
        Assert.Contains(graph.Contents[fresh], after.TopHistory.Select(h => h.ContentId));
    }

    [Fact]
    public void Embed_ConcurrentCalls_GiveTheSequentialResults()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);
        var ids = graph.Users.Ids.Take(40).ToArray();
        var sequential = ids.Select(id => inductive.Embed(id)?.User).ToArray();

        var parallel = new float[]?[ids.Length];
        Parallel.For(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = inductive.Embed(ids[i])?.User);

        for (var i = 0; i < ids.Length; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void Embed_ManyThreadsWithPropagationAndLiveEvents_SameVectorsAndAttentionAsSequential()
    {
        var graph = SampleGraphs.Random();
        var options = UntrainedModels.Small with { PropagationLayers = 2 };
        using var model = UntrainedModels.Untrained(graph, options);
        var ids = graph.Users.Ids.Take(60).ToArray();
        HistoryEvent[] Live(int i) => [new HistoryEvent(graph.Contents[i % graph.ContentCount], InteractionKind.Like, 1_800_000_000_000 + i)];
        string Describe(InductiveResult? r) => r is null ? "null"
            : string.Join(",", r.User.Concat(r.Friend).Select(x => BitConverter.SingleToInt32Bits(x))) + "|"
              + string.Join(",", r.TopFriends) + "|" + string.Join(",", r.TopHistory);
        var sequential = ids.Select((id, i) => Describe(new InductiveEmbedder(model, graph, NodeRows.Identity).Embed(id, [ids[(i + 1) % ids.Length]], Live(i))))
            .ToArray();

        // One embedder shared by 8 threads, its propagation tables built by whichever call comes first.
        var shared = new InductiveEmbedder(model, graph, NodeRows.Identity);
        var parallel = new string[ids.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            int i = k % ids.Length;
            parallel[k] = Describe(shared.Embed(ids[i], [ids[(i + 1) % ids.Length]], Live(i)));
        });

        for (var k = 0; k < parallel.Length; k++) Assert.Equal(sequential[k % ids.Length], parallel[k]);
    }

    [Fact]
    public void Embed_NewUsers_LeanTowardsTheirFolloweesAndHistorysCommunity()
    {
        var graph = SampleGraphs.Communities();
        var options = new ModelOptions { Dimension = 16, Heads = 4, HistoryLength = 6 };
        // The training recipe this test was written against: the default L2 penalty (0.016) is a popularity prior that,
        // on this 60-user graph, pulls a two-event newcomer's top 10 towards the most popular contents of either community.
        var training = new TrainOptions
        {
            Epochs = 40,
            BatchSize = 256,
            Patience = 100,
            Seed = 3,
            LearningRate = 0.01,
            L2 = 1e-4,
            NegativeCandidates = 8,
            WeightAverage = 0,
            LearningRateDecays = 0,
        };
        var trained = new Trainer(options, training).Train(graph, null);
        using var model = trained.Model;
        trained.Inputs.Dispose();
        var snapshot = SnapshotBuilder.Build(model, UntrainedModels.Metadata(graph, options), CheckpointIds.Of(graph), graph);
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);
        var random = new Random(5);
        const int trials = 20;
        var lean = new double[2, 2]; // [followed community, measured community]: mean score gap, followees only
        var share = new double[2]; // own-community share of the unseen top 10, followees + 2 events
        for (var community = 0; community < 2; community++)
            for (var trial = 0; trial < trials; trial++)
            {
                var followees = Enumerable.Range(community * 30, 30).OrderBy(_ => random.Next()).Take(3).Select(u => $"u{u}").ToArray();
                var seen = Enumerable.Range(community * 40, 40).OrderBy(_ => random.Next()).Take(2).ToArray();
                var events = seen.Select((c, i) => new HistoryEvent($"c{c}", InteractionKind.Like, 1_700_000_000_000 + i)).ToArray();
                var followeesOnly = inductive.Embed("newcomer", followees)!.User;
                for (var measured = 0; measured < 2; measured++) lean[community, measured] += Lean(followeesOnly, snapshot, measured) / trials;
                share[community] += OwnShare(inductive.Embed("newcomer", followees, events)!.User, snapshot, community, seen) / trials;
            }

        // Following community k must move the newcomer's scores towards k's contents, compared with following the other one.
        Assert.True(lean[0, 0] > lean[1, 0], $"community 0 lean: following it {lean[0, 0]:F3}, following the other {lean[1, 0]:F3}");
        Assert.True(lean[1, 1] > lean[0, 1], $"community 1 lean: following it {lean[1, 1]:F3}, following the other {lean[0, 1]:F3}");
        // With two events as well, chance is 5 of 10; the model puts nearly all of the top 10 in the user's community.
        Assert.True(share[0] >= 0.9 && share[1] >= 0.9, $"own-community share of the top 10: {share[0]:F2}, {share[1]:F2}");
    }

    /// <summary>Mean score of community <paramref name="community"/>'s contents minus the others'.</summary>
    private static double Lean(float[] vector, GraphAttn.Serving.Snapshots.EmbeddingSnapshot snapshot, int community)
    {
        var scores = Enumerable.Range(0, snapshot.ContentIds.Length).Select(c => (Community: c / 40, Score: Dot(vector, snapshot.ContentVectors.Row(c)))).ToArray();
        return scores.Where(s => s.Community == community).Average(s => s.Score) - scores.Where(s => s.Community != community).Average(s => s.Score);
    }

    private static double OwnShare(float[] vector, GraphAttn.Serving.Snapshots.EmbeddingSnapshot snapshot, int community, int[] seen) =>
        Enumerable.Range(0, snapshot.ContentIds.Length).Where(c => !seen.Contains(c))
            .OrderByDescending(c => Dot(vector, snapshot.ContentVectors.Row(c))).Take(10).Count(c => c / 40 == community) / 10.0;

    private static float Dot(float[] a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
