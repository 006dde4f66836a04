using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Serving.CrashWriter;

/// <summary>
/// A snapshot whose every value derives from its generation number, so a reader can tell a complete generation
/// from a mix of two.
/// </summary>
public static class GenerationSnapshot
{
    /// <summary>Model id written for generation <paramref name="generation"/>.</summary>
    public static string ModelId(int generation) => $"gen-{generation}";

    /// <summary>Value stored at flat position <paramref name="i"/> of a matrix in generation <paramref name="generation"/>.</summary>
    public static float Value(int generation, int i) => generation * 1000f + (i % 997);

    /// <summary>Builds generation <paramref name="generation"/> with the given sizes.</summary>
    public static EmbeddingSnapshot Create(int generation, int users, int contents, int dims)
    {
        var userData = new float[users * dims];
        var contentData = new float[contents * dims];
        for (int i = 0; i < userData.Length; i++)
        {
            userData[i] = Value(generation, i);
        }

        for (int i = 0; i < contentData.Length; i++)
        {
            contentData[i] = Value(generation, i);
        }

        string[] userIds = Enumerable.Range(1, users).Select(u => $"u{u:D6}").ToArray();
        string[] contentIds = Enumerable.Range(1, contents).Select(c => $"c{c:D6}").ToArray();
        var header = new SnapshotHeader(ModelId(generation), "crash-test", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + generation));
        return new EmbeddingSnapshot(
            header, userIds, contentIds,
            new EmbeddingMatrix(userData, users, dims), new EmbeddingMatrix(contentData, contents, dims),
            AttentionTable.Empty(users), AttentionTable.Empty(users));
    }
}
