using GraphAttn.Graph;
using GraphAttn.Ranking;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Retrieval;
using GraphAttn.Serving.Store;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Embeddings;

public sealed class EmbeddingRetrieverTests : IDisposable
{
    private readonly SocialGraph _graph = TinyWorld.Graph();
    private readonly ServingSnapshot _snapshot;
    private readonly SnapshotAlignment _alignment;
    private readonly EmbeddingRetriever _retriever;

    public EmbeddingRetrieverTests()
    {
        var snapshot = TinyWorld.Snapshot(_graph.Fingerprint);
        _snapshot = ServingSnapshot.FromSnapshot(SnapshotFileInfo.InMemory("tiny"), snapshot);
        _alignment = SnapshotAlignment.Create(_graph, snapshot);
        _retriever = new EmbeddingRetriever(_graph, _snapshot, _alignment);
    }

    private int C(string id) => _graph.Contents.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    private int U(string id) => _graph.Users.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    [Fact]
    public void Create_ReorderedSnapshot_MapsByIdAndCountsMissing()
    {
        Assert.True(_alignment.SameGraph);
        Assert.Equal(3, _alignment.UserRow[U("u1")]);
        Assert.Equal(-1, _alignment.ContentRow[C("c5")]);
        Assert.Equal(-1, _alignment.RowContent[0]);
        Assert.Equal(1, _alignment.MissingContents);
        Assert.Equal(0, _alignment.MissingUsers);
    }

    [Fact]
    public void TopContent_SeenExcluded_RanksByDotProductAndNeverReturnsDeletedContent()
    {
        IReadOnlyList<ScoredIndex> top = _retriever.TopContent(U("u1"), 3, excludedContent: [C("c1")]);

        Assert.Equal([C("c4"), C("c3"), C("c2")], top.Select(t => t.Index));
        Assert.Equal([0.95f, 0.9f, 0.5f], top.Select(t => t.Score));
    }

    [Fact]
    public void TopContent_TopicFilter_OnlyTaggedContentWithEmbeddings()
    {
        IReadOnlyList<ScoredIndex> top = _retriever.TopContent(U("u1"), 5, excludedContent: [C("c1")], topic: 0);

        Assert.Equal([C("c3"), C("c2")], top.Select(t => t.Index));
    }

    [Fact]
    public void TopFriends_ExcludesSelfAndFollowed()
    {
        IReadOnlyList<ScoredIndex> top = _retriever.TopFriends(U("u1"), 3);

        Assert.Equal([U("u4")], top.Select(t => t.Index));
        Assert.Equal(0.8f, top[0].Score);
    }

    [Fact]
    public void ContentScorer_FullRanking_MatchesDotProductsAndMissingIsNegativeInfinity()
    {
        var scorer = new EmbeddingContentScorer(TinyWorld.Snapshot(_graph.Fingerprint), _alignment);
        var scores = new float[_graph.ContentCount];

        scorer.ScoreContent(U("u3"), scores);

        Assert.Equal(0f, scores[C("c1")]);
        Assert.Equal(0.5f, scores[C("c2")]);
        Assert.Equal(float.NegativeInfinity, scores[C("c5")]);
    }

    [Fact]
    public void FriendScorer_FullRanking_MatchesDotProducts()
    {
        var scorer = new EmbeddingFriendScorer(TinyWorld.Snapshot(_graph.Fingerprint), _alignment);
        var scores = new float[_graph.UserCount];

        scorer.ScoreUsers(U("u1"), scores);

        Assert.Equal([1f, 0.9f, 0f, 0.8f], scores);
    }

    [Fact]
    public void AlignWith_SameGraphTwice_ReturnsCachedAlignmentUsedByRetriever()
    {
        SnapshotAlignment first = _snapshot.AlignWith(_graph);

        Assert.Same(first, _snapshot.AlignWith(_graph));
        Assert.Equal(
            _retriever.TopContent(U("u2"), 4).Select(t => t.Index),
            new EmbeddingRetriever(_graph, _snapshot).TopContent(U("u2"), 4).Select(t => t.Index));
    }

    public void Dispose() => _snapshot.Dispose();
}
