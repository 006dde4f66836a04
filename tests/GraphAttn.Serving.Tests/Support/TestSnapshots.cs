using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.Tests.Support;

/// <summary>Small random snapshots with attention tables, seeded for repeatability.</summary>
internal static class TestSnapshots
{
    public static EmbeddingSnapshot Create(int users = 5, int contents = 7, int dims = 4, int seed = 1, string modelId = "model-a",
        float friendStructureWeight = 0f, float contentFilterWeight = 0f)
    {
        var random = new Random(seed);
        float[] Vectors(int rows) => Enumerable.Range(0, rows * dims).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var friends = new List<IReadOnlyList<(int, float)>>();
        var history = new List<IReadOnlyList<(int, float)>>();
        for (int u = 0; u < users; u++)
        {
            friends.Add(Enumerable.Range(0, u % 3).Select(k => ((u + k + 1) % users, 0.5f / (k + 1))).ToList());
            history.Add(Enumerable.Range(0, (u + 1) % 4).Select(k => ((u * 2 + k) % contents, 0.9f - k * 0.2f)).ToList());
        }

        return new EmbeddingSnapshot(
            new SnapshotHeader(modelId, "fp-" + seed, DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_123 + seed))
            {
                FriendStructureWeight = friendStructureWeight,
                ContentFilterWeight = contentFilterWeight,
            },
            Enumerable.Range(0, users).Select(u => $"u{u:D6}").ToArray(),
            Enumerable.Range(0, contents).Select(c => $"c{c:D6}-é").ToArray(),
            new EmbeddingMatrix(Vectors(users), users, dims),
            new EmbeddingMatrix(Vectors(contents), contents, dims),
            AttentionTable.FromRows(friends),
            AttentionTable.FromRows(history),
            new EmbeddingMatrix(Vectors(users), users, dims));
    }

    public static byte[] ToBytes(EmbeddingSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.WriteTo(snapshot, stream);
        return stream.ToArray();
    }
}
