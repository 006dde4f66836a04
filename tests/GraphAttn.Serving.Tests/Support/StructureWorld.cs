using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>
/// A graph and a 2-d snapshot where the friend score's two terms disagree. "me" follows f1 and f2, and so does "b":
/// in the undirected graph f1 and f2 have degree 2, so AA(me, b) = 2 / ln 2 ≈ 2.885, while AA(me, anyone else) = 0.
/// Friend vectors lie on axis 0: me 1, a 0.9 (the dot product's favourite), b <c>bDot</c> (0.1 by default), f1 0.95
/// and f2 0.97 (already followed), and <c>fillers</c> more users p000.. at 0.5, 0.501, ... with no ties at all.
/// </summary>
internal static class StructureWorld
{
    public static readonly float SharedFriendsAa = 2f / MathF.Log(2f);

    public static SocialGraph Graph(int fillers = 0)
    {
        var b = new GraphBuilder();
        foreach (string u in Users(fillers))
        {
            b.AddUser(u, "Name " + u);
        }

        b.AddContent("c1", "Title c1");
        b.AddFollow("me", "f1");
        b.AddFollow("me", "f2");
        b.AddFollow("b", "f1");
        b.AddFollow("b", "f2");
        return b.Build();
    }

    public static EmbeddingSnapshot Snapshot(SocialGraph graph, float beta, float bDot = 0.1f, int fillers = 0)
    {
        string[] users = Users(fillers);
        var dots = new Dictionary<string, float> { ["me"] = 1f, ["a"] = 0.9f, ["b"] = bDot, ["f1"] = 0.95f, ["f2"] = 0.97f };
        for (int i = 0; i < fillers; i++)
        {
            dots[Filler(i)] = 0.5f + 0.001f * i;
        }

        float[] friendVectors = users.SelectMany(u => new[] { dots[u], 0f }).ToArray();
        return new EmbeddingSnapshot(
            new SnapshotHeader("structure-model", graph.Fingerprint, DateTimeOffset.UnixEpoch) { FriendStructureWeight = beta },
            users, ["c1"],
            new EmbeddingMatrix(users.SelectMany(_ => new[] { 0.5f, 0.5f }).ToArray(), users.Length, 2),
            new EmbeddingMatrix([1f, 0f], 1, 2),
            AttentionTable.Empty(users.Length), AttentionTable.Empty(users.Length),
            new EmbeddingMatrix(friendVectors, users.Length, 2));
    }

    public static string Filler(int i) => $"p{i:D3}";

    private static string[] Users(int fillers) =>
        ["me", "a", "b", "f1", "f2", .. Enumerable.Range(0, fillers).Select(Filler)];
}
