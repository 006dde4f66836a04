using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Server.Tests.Infrastructure;

/// <summary>
/// Hand-made 2-d snapshots over <see cref="TestGraphs.Small"/> whose rankings can be worked out by hand. Axis 0 is
/// music, axis 1 sport. Contents: m1 (1, 0), m2 (0.9, 0.1), m3 (0.8, 0), s1 (0, 1), s2 (0.1, 0.9). Ann leans music in
/// even generations and sport in odd ones, so her unseen top item is m3 or s1. Her attention: friends bo 0.6, cy 0.4;
/// history m1 0.7, m2 0.3. Dee's friend vector is closest to Ann's; Eli's farthest.
/// </summary>
internal static class SmallSnapshots
{
    public static readonly string[] Users = ["ann", "bo", "cy", "dee", "eli"];
    public static readonly string[] Contents = ["m1", "m2", "m3", "s1", "s2"];

    public static EmbeddingSnapshot Create(int generation = 0, string[]? users = null)
    {
        users ??= Users;
        var ann = generation % 2 == 0 ? new[] { 1f, 0f } : [0f, 1f];
        var vectors = new Dictionary<string, float[]>
        {
            ["ann"] = ann,
            ["bo"] = [0.5f, 0.5f],
            ["cy"] = [0.6f, 0.4f],
            ["dee"] = [ann[0] * 0.9f, ann[1] * 0.9f],
            ["eli"] = [-1f, -1f],
        };
        float[] content = [1f, 0f, 0.9f, 0.1f, 0.8f, 0f, 0f, 1f, 0.1f, 0.9f];
        var friends = users.Select(u => u == "ann"
            ? (IReadOnlyList<(int, float)>)[(Array.IndexOf(users, "bo"), 0.6f), (Array.IndexOf(users, "cy"), 0.4f)]
            : []).ToList();
        var history = users.Select(u => u == "ann" ? (IReadOnlyList<(int, float)>)[(0, 0.7f), (1, 0.3f)] : []).ToList();
        return new EmbeddingSnapshot(
            new SnapshotHeader($"test-model-{generation}", "test", DateTimeOffset.FromUnixTimeSeconds(1_760_000_000 + generation)),
            users, Contents,
            new EmbeddingMatrix(users.SelectMany(u => vectors[u]).ToArray(), users.Length, 2),
            new EmbeddingMatrix(content, Contents.Length, 2),
            AttentionTable.FromRows(friends),
            AttentionTable.FromRows(history));
    }

    /// <summary>Writes generation <paramref name="generation"/> into <paramref name="folder"/> atomically, as the batch job does.</summary>
    public static string Write(string folder, int generation, string[]? users = null)
    {
        var path = Path.Combine(folder, $"snapshot-{generation:D4}.gasnap");
        SnapshotWriter.Write(Create(generation, users), path);
        // The store orders by write time, then name; make the order unambiguous on coarse file-system clocks.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(generation));
        return path;
    }

    public static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["GraphAttn:Model:Mode"] = "snapshots",
        ["GraphAttn:Model:SnapshotFolder"] = folder,
        ["GraphAttn:Model:PollSeconds"] = "1",
    };
}
