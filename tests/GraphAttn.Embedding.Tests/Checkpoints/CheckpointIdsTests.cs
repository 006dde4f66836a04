using GraphAttn.Model.Checkpoints;

namespace GraphAttn.Embedding.Tests.Checkpoints;

public sealed class CheckpointIdsTests
{
    [Fact]
    public void Save_WithIds_WritesTheCurrentVersionAndTheIdsReadBack()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        using var folder = new TempFolder();

        Checkpoint.Save(folder.Path, model, UntrainedModels.Metadata(graph) with { Version = 1 }, CheckpointIds.Of(graph));
        var (loaded, metadata) = Checkpoint.Load(folder.Path);
        loaded.Dispose();
        var ids = CheckpointIds.Read(folder.Path);

        Assert.Equal(Checkpoint.CurrentVersion, metadata.Version);
        Assert.NotNull(ids);
        Assert.Equal(graph.Users.Ids, ids.Users);
        Assert.Equal(graph.Contents.Ids, ids.Contents);
        Assert.Equal(graph.Topics.Ids, ids.Topics);
    }

    [Fact]
    public void Save_WithoutIds_WritesVersionOneWithoutIdFile()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        using var folder = new TempFolder();

        Checkpoint.Save(folder.Path, model, UntrainedModels.Metadata(graph));

        Assert.Equal(1, Checkpoint.ReadMetadata(folder.Path).Version);
        Assert.Null(CheckpointIds.Read(folder.Path));
    }

    [Fact]
    public void Save_IdsOfAnotherGraph_ThrowsNamingBothCounts()
    {
        var graph = SampleGraphs.Random();
        using var model = UntrainedModels.Untrained(graph);
        using var folder = new TempFolder();
        var other = CheckpointIds.Of(SampleGraphs.Random(users: 10));

        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Save(folder.Path, model, UntrainedModels.Metadata(graph), other));

        Assert.Contains($"10 users", e.Message);
        Assert.Contains($"shaped for {graph.UserCount}", e.Message);
    }

    [Fact]
    public void Read_BrokenJson_ThrowsNamingFileAndLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File(CheckpointIds.FileName), "{\n \"users\": [\"a\",\n");

        var e = Assert.Throws<InvalidDataException>(() => CheckpointIds.Read(folder.Path));

        Assert.Contains(CheckpointIds.FileName, e.Message);
        Assert.Contains("line", e.Message);
    }
}
