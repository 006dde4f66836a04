using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Inductive;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Graph.Live;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Model.Inference;
using GraphAttn.Model.Modeling;

namespace GraphAttn.Embedding.Tests.Inductive;

public sealed class ContentEmbeddingTests
{
    // The model's own content pass serves models without whole-graph propagation (those get the neighbour average).
    private static readonly ModelOptions Local = UntrainedModels.Small with { PropagationLayers = 0, FriendPropagationLayers = 0 };

    [Fact]
    public void Embed_ContentTheCheckpointKnows_EqualsBatchEmbedding()
    {
        var graph = SampleGraphs.Demo;
        using var model = UntrainedModels.Untrained(graph, Local);
        var snapshot = SnapshotBuilder.Build(model, UntrainedModels.Metadata(graph, Local), CheckpointIds.Of(graph), graph, new EmbedOptions { BatchSize = 1000 });
        var inductive = new InductiveEmbedder(model, graph, NodeRows.Identity);

        foreach (var c in Enumerable.Range(0, graph.ContentCount).Where(c => c % 211 == 0))
        {
            TensorAssert.CloseAbsolute(inductive.EmbedContent(c)!, snapshot.ContentVectors.Row(c), 1e-5, $"content {c}");
        }
    }

    [Fact]
    public void Embed_ContentCreatedAfterTheCheckpoint_FollowsItsTopics()
    {
        var graph = SampleGraphs.Demo;
        using var model = UntrainedModels.Untrained(graph, Local);
        var metadata = UntrainedModels.Metadata(graph, Local);
        var ids = CheckpointIds.Of(graph);
        string[] topics = [graph.Topics[0], graph.Topics[1]];
        var extended = GraphExtension.Extend(graph,
        [
            new GraphEvent { EventId = "a", Kind = GraphEventKind.Content, TargetId = "fresh-1", Topics = topics },
            new GraphEvent { EventId = "b", Kind = GraphEventKind.Content, TargetId = "fresh-2", Topics = topics },
            new GraphEvent { EventId = "c", Kind = GraphEventKind.Content, TargetId = "fresh-3", Topics = [graph.Topics[2]] },
        ]).Graph;
        var embedder = new ServingOnlineEmbedder(model, metadata, ids, "m");

        float[] first = embedder.Embed(extended, graph.ContentCount)!;
        float[] second = embedder.Embed(extended, graph.ContentCount + 1)!;
        float[] other = embedder.Embed(extended, graph.ContentCount + 2)!;

        Assert.All(first, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(first, second); // no id row, same topics, no users yet: the same vector
        Assert.NotEqual(first, other);
        using var propagating = UntrainedModels.Untrained(graph, Local with { PropagationLayers = 1 });
        Assert.Null(new InductiveEmbedder(propagating, extended, CheckpointRows.Resolve(metadata, ids, extended)).EmbedContent(0));
    }
}
