using GraphAttn.Graph;
using GraphAttn.Serving.Embeddings;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Embeddings;

public sealed class ColdStartVectorTests
{
    private readonly SocialGraph _graph = TinyWorld.Graph();

    // The snapshot lacks u1 entirely, as if u1 joined after the last re-embed.
    private EmbeddingSnapshot WithoutU1()
    {
        EmbeddingSnapshot full = TinyWorld.Snapshot(_graph.Fingerprint);
        return new EmbeddingSnapshot(full.Header, ["u4", "u3", "u2"], full.ContentIds,
            new EmbeddingMatrix(full.UserVectors.Data[..6], 3, 2), full.ContentVectors,
            AttentionTable.Empty(3), AttentionTable.Empty(3));
    }

    private int U(string id) => _graph.Users.TryGetIndex(id, out int i) ? i : throw new KeyNotFoundException(id);

    [Fact]
    public void For_UserMissingFromSnapshot_AveragesHistoryAndFolloweesEqually()
    {
        EmbeddingSnapshot snapshot = WithoutU1();

        float[]? vector = ColdStartVector.For(_graph, snapshot, SnapshotAlignment.Create(_graph, snapshot), U("u1"));

        // history: c1 = (1, 0); followees: u2 (0.9, 0.1) and u3 (0, 1) average (0.45, 0.55); halves of each.
        Assert.NotNull(vector);
        Assert.Equal(0.725f, vector[0], 5);
        Assert.Equal(0.275f, vector[1], 5);
    }

    [Fact]
    public void For_UserWithNoEmbeddedNeighbours_ReturnsNull()
    {
        EmbeddingSnapshot snapshot = WithoutU1();

        // u4 follows nobody, and against a snapshot without contents their only interaction (c3) has no embedding.
        var empty = new EmbeddingSnapshot(snapshot.Header, snapshot.UserIds, [],
            snapshot.UserVectors, new EmbeddingMatrix([], 0, 2), AttentionTable.Empty(3), AttentionTable.Empty(3));

        Assert.Null(ColdStartVector.For(_graph, empty, SnapshotAlignment.Create(_graph, empty), U("u4")));
    }
}
