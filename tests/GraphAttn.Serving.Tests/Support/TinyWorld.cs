using GraphAttn.Graph;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>
/// A four-user graph and a snapshot of it with hand-picked 2-d vectors and attention, small enough to check every
/// score by hand. The snapshot lists ids in another order than the graph, lacks content c5 (added to the graph
/// later) and still has c999 (since deleted from the graph).
/// </summary>
internal static class TinyWorld
{
    public static SocialGraph Graph()
    {
        var b = new GraphBuilder();
        foreach (string u in new[] { "u1", "u2", "u3", "u4" })
        {
            b.AddUser(u, "Name " + u);
        }

        foreach (string c in new[] { "c1", "c2", "c3", "c4", "c5" })
        {
            b.AddContent(c, "Title " + c);
        }

        b.AddTopic("t1", "Topic one");
        b.AddTopic("t2", "Topic two");
        b.AddFollow("u1", "u2");
        b.AddFollow("u1", "u3");
        b.AddFollow("u2", "u4");
        b.AddFollow("u3", "u4");
        b.AddInteraction("u1", "c1", InteractionKind.Like, 1_000);
        b.AddInteraction("u2", "c2", InteractionKind.Like, 2_000);
        b.AddInteraction("u3", "c2", InteractionKind.View, 3_000);
        b.AddInteraction("u4", "c3", InteractionKind.Like, 4_000);
        b.AddTagged("c2", "t1");
        b.AddTagged("c3", "t1");
        b.AddTagged("c5", "t1");
        b.AddTagged("c4", "t2");
        return b.Build();
    }

    // Rows: users u4, u3, u2, u1; contents c999, c4, c3, c2, c1.
    public static EmbeddingSnapshot Snapshot(string fingerprint) => new(
        new SnapshotHeader("tiny-model", fingerprint, DateTimeOffset.UnixEpoch),
        ["u4", "u3", "u2", "u1"],
        ["c999", "c4", "c3", "c2", "c1"],
        new EmbeddingMatrix([0.8f, 0.2f, 0f, 1f, 0.9f, 0.1f, 1f, 0f], 4, 2),
        new EmbeddingMatrix([10f, 0f, 0.95f, 0f, 0.9f, 0f, 0.5f, 0.5f, 1f, 0f], 5, 2),
        AttentionTable.FromRows([[], [], [], [(2, 0.7f), (1, 0.3f)]]),
        AttentionTable.FromRows([[], [], [], [(4, 1.0f)]]));
}
