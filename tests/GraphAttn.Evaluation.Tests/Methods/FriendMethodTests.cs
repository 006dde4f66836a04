using GraphAttn.Evaluation.Methods.Friends;
using GraphAttn.Graph;

namespace GraphAttn.Evaluation.Tests.Methods;

public sealed class FriendMethodTests
{
    // Undirected: 0-1, 0-2, 1-2, 1-3, 2-3, 3-4. N(0) = {1,2}, N(3) = {1,2,4}, N(4) = {3}.
    private static readonly Csr Friends = Undirected(5, [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3), (3, 4)]);

    [Fact]
    public void CommonNeighbours_CountsSharedFriends()
    {
        var s = new float[5];
        new CommonNeighboursScorer(Friends).ScoreUsers(0, s);
        Assert.Equal(2f, s[3]); // via 1 and 2
        Assert.Equal(0f, s[4]);
        Assert.Equal(1f, s[1]); // via 2
    }

    [Fact]
    public void Jaccard_DividesByUnion()
    {
        var s = new float[5];
        new JaccardScorer(Friends).ScoreUsers(0, s);
        Assert.Equal(2f / 3f, s[3], 6); // |{1,2}| / |{1,2,4}|
        Assert.Equal(1f / 4f, s[1], 6); // N(1) = {0,2,3}: common {2}, union {0,1,2,3}
    }

    [Fact]
    public void PreferentialAttachment_RanksByDegree()
    {
        var s = new float[5];
        new PreferentialAttachmentScorer(Friends).ScoreUsers(4, s);
        Assert.Equal(2f * 3f, s[3]); // (|N(4)| + 1) · |N(3)|
        Assert.True(s[1] == s[2] && s[1] > s[0]);
    }

    private static Csr Undirected(int n, (int A, int B)[] edges) =>
        Csr.FromEdges(n, [.. edges.SelectMany(e => new[] { e.A, e.B })], [.. edges.SelectMany(e => new[] { e.B, e.A })]);
}
