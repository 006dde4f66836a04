using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Embedding.Tests.Support;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Modeling;
using GraphAttn.Serving.Snapshots;
using static TorchSharp.torch;

namespace GraphAttn.Embedding.Tests.Snapshots;

public sealed class SnapshotBuilderTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);

    [Fact]
    public void Build_DemoGraphInBatches_EqualsFullForwardAndRanksAttentionStrongestFirst()
    {
        var graph = SampleGraphs.Demo;
        var options = new ModelOptions();
        using var model = UntrainedModels.Untrained(graph, options);
        var progress = new List<EmbedProgress>();
        var snapshot = SnapshotBuilder.Build(model, UntrainedModels.Metadata(graph, options), CheckpointIds.Of(graph), graph,
            new EmbedOptions { BatchSize = 500, CreatedAt = Created }, new SyncProgress(progress));

        using var inputs = new GraphInputs(graph, options);
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var full = model.forward(inputs);
            TensorAssert.CloseAbsolute(Matrix(snapshot.UserVectors), full.Users, 1e-5, "users");
            TensorAssert.CloseAbsolute(Matrix(snapshot.FriendVectors), full.Friends, 1e-5, "friends");
            TensorAssert.CloseAbsolute(Matrix(snapshot.ContentVectors), full.Contents, 1e-5, "contents");
        }
        Assert.Equal(graph.Users.Ids, snapshot.UserIds);
        Assert.Equal(graph.Fingerprint, snapshot.Header.GraphFingerprint);
        Assert.Equal(Created, snapshot.Header.CreatedAt);
        for (var u = 0; u < graph.UserCount; u++)
        {
            var friends = snapshot.FriendAttention.RowTargets(u);
            Assert.Equal(Math.Min(10, graph.Following.Degree(u)), friends.Length);
            foreach (var f in friends) Assert.True(graph.Following.Contains(u, f), $"user {u}: attention target {f} is not a followee");
            AssertDescending(snapshot.FriendAttention.RowWeights(u));
            AssertDescending(snapshot.HistoryAttention.RowWeights(u));
            foreach (var c in snapshot.HistoryAttention.RowTargets(u))
                Assert.True(graph.Interactions.ContentOf(u).Contains(c), $"user {u}: history target {c} never interacted");
        }
        Assert.Equal(["users", "contents"], progress.Select(p => p.Stage).Distinct());
        Assert.Equal(graph.UserCount, progress.Last(p => p.Stage == "users").Done);
        Assert.Equal(4, progress.Count(p => p.Stage == "users"));
    }

    [Fact]
    public void Build_GraphInOtherOrderWithANewUser_MapsIdsToWeightRows()
    {
        var trained = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(trained);
        var metadata = UntrainedModels.Metadata(trained);
        var options = new EmbedOptions { BatchSize = 64, CreatedAt = Created };
        var before = SnapshotBuilder.Build(model, metadata, CheckpointIds.Of(trained), trained, options);
        var newer = GraphCopies.Reversed(trained, "newcomer", ["u1", "u2"]);

        var after = SnapshotBuilder.Build(model, metadata, CheckpointIds.Of(trained), newer, options);

        Assert.Equal(trained.UserCount + 1, after.UserIds.Length);
        var worst = 0f;
        foreach (var id in trained.Users.Ids)
        {
            before.TryGetUserIndex(id, out var a);
            after.TryGetUserIndex(id, out var b);
            var x = before.UserVectors.Row(a);
            var y = after.UserVectors.Row(b);
            for (var k = 0; k < x.Length; k++) worst = Math.Max(worst, Math.Abs(x[k] - y[k]));
        }
        Assert.True(worst <= 1e-5, $"same id, same neighbourhood, other order: max difference {worst}");
        after.TryGetUserIndex("newcomer", out var n);
        Assert.All(after.UserVectors.Row(n).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Build_VersionOneCheckpointOnAGraphOfOtherSize_ThrowsNamingTheCounts()
    {
        var trained = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(trained);
        var newer = GraphCopies.Reversed(trained, "newcomer");

        var e = Assert.Throws<InvalidDataException>(() =>
            SnapshotBuilder.Build(model, UntrainedModels.Metadata(trained) with { Version = 1 }, null, newer));

        Assert.Contains($"shaped for {trained.UserCount} users", e.Message);
        Assert.Contains($"graph has {newer.UserCount}", e.Message);
    }

    [Fact]
    public void Build_WithRowsAndModelId_EqualsTheCheckpointPath()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        var options = new EmbedOptions { BatchSize = 40, CreatedAt = Created };
        var viaCheckpoint = SnapshotBuilder.Build(model, UntrainedModels.Metadata(graph), CheckpointIds.Of(graph), graph, options with { ModelId = "m1" });

        var direct = SnapshotBuilder.Build(model, GraphAttn.Model.Inference.NodeRows.Identity, "m1", graph, options);

        Assert.Equal(Bytes(viaCheckpoint), Bytes(direct));
    }

    [Fact]
    public void Build_CancelledAfterTheFirstBatch_StopsWithOperationCanceled()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        using var cancel = new CancellationTokenSource();
        var batches = 0;
        var progress = new CallbackProgress(_ =>
        {
            if (++batches == 1) cancel.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() => SnapshotBuilder.Build(model, UntrainedModels.Metadata(graph), CheckpointIds.Of(graph),
            graph, new EmbedOptions { BatchSize = 10 }, progress, cancel.Token));
        Assert.Equal(1, batches);
    }

    private sealed class CallbackProgress(Action<EmbedProgress> report) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) => report(value);
    }

    private static byte[] Bytes(EmbeddingSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.WriteTo(snapshot, stream);
        return stream.ToArray();
    }

    private static Tensor Matrix(EmbeddingMatrix m) => tensor(m.Data).view(m.Rows, m.Dimensions);

    private static void AssertDescending(ReadOnlySpan<float> weights)
    {
        for (var i = 1; i < weights.Length; i++) Assert.True(weights[i - 1] >= weights[i], "attention not strongest first");
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(List<EmbedProgress> list) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) => list.Add(value);
    }
}
