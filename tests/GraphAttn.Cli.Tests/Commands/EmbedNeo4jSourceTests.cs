using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Tests.Shared.Bolt;

namespace GraphAttn.Cli.Tests.Commands;

/// <summary><c>embed --neo4j</c>: the graph read through the scripted Bolt server gives the snapshot of the same CSV data.</summary>
public sealed class Neo4jSourceTests
{
    private const string Created = "2026-11-25T03:00:00Z";

    [Fact]
    public async Task Embed_FromNeo4j_EqualsTheSnapshotOfTheSameDataAsCsv()
    {
        using var folder = new TempFolder();
        var data = SeedData.Sample();
        var csv = data.WriteFolder(folder.File("seeds"));
        var graph = new CsvGraphSource(csv).Load();
        var checkpoint = folder.File("checkpoint");
        using (var model = UntrainedModels.Untrained(graph)) Checkpoint.Save(checkpoint, model, UntrainedModels.Metadata(graph), CheckpointIds.Of(graph));
        var passwordFile = folder.File("password");
        await File.WriteAllTextAsync(passwordFile, StubScripts.Password);
        await using var server = new ScriptedBoltServer(QueryReplay.Script(data, pageSize: 10_000, fetchSize: 1000));

        var fromNeo4j = await Task.Run(() => EmbedCommandTests.Run("embed", "--neo4j", "--neo4j-password-file", passwordFile,
            "--neo4j-uri", server.Uri.ToString(), "--checkpoint", checkpoint, "--out", folder.File("neo4j.gasnap"),
            "--created-at", Created)).WaitAsync(TimeSpan.FromSeconds(60));
        var fromCsv = EmbedCommandTests.Run("embed", "--graph", csv, "--checkpoint", checkpoint, "--out", folder.File("csv.gasnap"),
            "--created-at", Created, "--quiet");

        await server.Completion.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(fromCsv.Code == 0, fromCsv.Error);
        Assert.True(fromNeo4j.Code == 0, fromNeo4j.Error);
        Assert.Contains($"graph: {graph} (fingerprint {graph.Fingerprint})", fromNeo4j.Error);
        AssertSameSnapshot(SnapshotReader.Read(folder.File("csv.gasnap")), SnapshotReader.Read(folder.File("neo4j.gasnap")));
        Assert.DoesNotContain(StubScripts.Password, fromNeo4j.Output + fromNeo4j.Error);
    }

    // The same ids, header and attention structure; floats equal up to the order torch added them in (its intra-op
    // threads share the machine with the other tests, and a sum split differently moves the last bits).
    private static void AssertSameSnapshot(EmbeddingSnapshot expected, EmbeddingSnapshot actual)
    {
        Assert.Equal(expected.Header, actual.Header);
        Assert.Equal(expected.UserIds, actual.UserIds);
        Assert.Equal(expected.ContentIds, actual.ContentIds);
        foreach (var (a, b) in new[]
        {
            (expected.UserVectors.Data, actual.UserVectors.Data), (expected.ContentVectors.Data, actual.ContentVectors.Data),
            (expected.FriendVectors.Data, actual.FriendVectors.Data),
            (expected.FriendAttention.Weights, actual.FriendAttention.Weights), (expected.HistoryAttention.Weights, actual.HistoryAttention.Weights),
        })
        {
            Assert.Equal(a.Length, b.Length);
            for (var i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i], 1e-5f);
        }
        Assert.Equal(expected.FriendAttention.Offsets, actual.FriendAttention.Offsets);
        Assert.Equal(expected.FriendAttention.Targets, actual.FriendAttention.Targets);
        Assert.Equal(expected.HistoryAttention.Offsets, actual.HistoryAttention.Offsets);
        Assert.Equal(expected.HistoryAttention.Targets, actual.HistoryAttention.Targets);
    }
}
