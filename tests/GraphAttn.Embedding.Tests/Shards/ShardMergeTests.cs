using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Shards;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Embedding.Tests.Support;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Tests.Shards;

public sealed class ShardMergeTests
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);
    private static readonly SocialGraph Graph = SampleGraphs.Random();

    [Theory]
    [InlineData(3)]
    [InlineData(12)] // more shards than content batches: some shards compute no contents
    public void Merge_AllShards_IsByteIdenticalToSingleProcessSnapshot(int shards)
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var options = new EmbedOptions { BatchSize = 16, CreatedAt = Created };
        var single = SnapshotBuilder.Build(model, UntrainedModels.Metadata(Graph), CheckpointIds.Of(Graph), Graph, options);

        var paths = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph), shards);
        var merged = ShardMerger.Merge([.. paths.Reverse()], Created);

        Assert.Equal(Bytes(single), Bytes(merged));
    }

    [Fact]
    public void Merge_MissingShard_NamesIt()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var paths = ShardFiles.Write(model, Graph, folder, new EmbedOptions { BatchSize = 16 }, UntrainedModels.Metadata(Graph), 3);

        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge([paths[0], paths[2]]));

        Assert.Contains("missing shard(s) 1/3", e.Message);
    }

    [Fact]
    public void Merge_DuplicateShard_NamesBothFiles()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var paths = ShardFiles.Write(model, Graph, folder, new EmbedOptions { BatchSize = 16 }, UntrainedModels.Metadata(Graph), 2);
        var copy = folder.File("copy" + ShardFile.Extension);
        File.Copy(paths[1], copy);

        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge([paths[0], paths[1], copy]));

        Assert.Contains("shard 1/2 given twice", e.Message);
        Assert.Contains(copy, e.Message);
    }

    [Fact]
    public void Merge_ShardOfAnotherModel_IsRejected()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var options = new EmbedOptions { BatchSize = 16 };
        var paths = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph), 2);
        var other = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph) with { CreatedUtc = DateTime.UnixEpoch }, 2, "other");

        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge([paths[0], other[1]]));

        Assert.Contains("shards of different runs", e.Message);
    }

    [Fact]
    public void Merge_ShardOfAnotherGraph_IsRejected()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var options = new EmbedOptions { BatchSize = 16 };
        var paths = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph), 2);
        var reordered = GraphCopies.Reversed(Graph, "newcomer");
        var (header, rows) = SnapshotBuilder.BuildShard(model, UntrainedModels.Metadata(Graph), CheckpointIds.Of(Graph), reordered,
            options with { Shard = new ShardSpec(1, 2) });
        var foreign = folder.File("foreign" + ShardFile.Extension);
        ShardFile.Write(foreign, header, rows);

        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge([paths[0], foreign]));

        Assert.Contains("shards of different graphs", e.Message);
    }

    [Fact]
    public void Read_CorruptedOrTruncatedShard_IsRejected()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var path = ShardFiles.Write(model, Graph, folder, new EmbedOptions { BatchSize = 16 }, UntrainedModels.Metadata(Graph), 1)[0];
        var bytes = File.ReadAllBytes(path);
        var flipped = folder.File("flipped.gashard");
        var cut = folder.File("cut.gashard");
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(flipped, bytes);
        File.WriteAllBytes(cut, bytes.AsSpan(0, bytes.Length - 100).ToArray());

        Assert.Contains("checksum mismatch", Assert.Throws<InvalidDataException>(() => ShardFile.Read(flipped)).Message);
        var e = Assert.Throws<InvalidDataException>(() => ShardFile.Read(cut));
        Assert.Contains(cut, e.Message);
    }

    [Theory]
    [InlineData("3/2", "outside 0..1")]
    [InlineData("2", "not of the form i/n")]
    [InlineData("0/0", "at least 1")]
    [InlineData("-1/4", "not of the form i/n")]
    public void Parse_BadShardSpec_Throws(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => ShardSpec.Parse(text)).Message);

    private static byte[] Bytes(EmbeddingSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.WriteTo(snapshot, stream);
        return stream.ToArray();
    }
}
