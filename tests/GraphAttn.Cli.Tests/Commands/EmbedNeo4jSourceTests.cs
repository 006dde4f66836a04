using GraphAttn.Graph.Loading.GraphSeeds;
using GraphAttn.Model.Checkpoints;
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
        Assert.Equal(File.ReadAllBytes(folder.File("csv.gasnap")), File.ReadAllBytes(folder.File("neo4j.gasnap")));
        Assert.DoesNotContain(StubScripts.Password, fromNeo4j.Output + fromNeo4j.Error);
    }
}
