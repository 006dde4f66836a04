using System.IO.Hashing;
using System.Text;
using GraphAttn.Embedding.Batching;
using GraphAttn.Embedding.Jobs;
using GraphAttn.Embedding.Shards;
using GraphAttn.Embedding.Snapshots;
using GraphAttn.Embedding.Tests.Support;
using GraphAttn.Graph;
using GraphAttn.Model.Checkpoints;
using GraphAttn.Serving.Snapshots;

namespace GraphAttn.Embedding.Tests.Snapshots;

/// <summary>
/// The checkpoint's friend structure weight β reaches the snapshot, whichever way the snapshot is produced: one process
/// from a saved checkpoint, shards merged, or the embed command.
/// </summary>
public sealed class FriendStructureWeightTests
{
    private const double Beta = 0.8125; // exact in float and double, so equality checks are exact
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);
    private static readonly SocialGraph Graph = SampleGraphs.Random();

    [Fact]
    public void Build_FromSavedCheckpointWithWeight_SnapshotCarriesItThroughTheFile()
    {
        using var folder = new TempFolder();
        var checkpoint = SaveCheckpoint(folder, Graph, Beta);

        var snapshot = SnapshotBuilder.Build(checkpoint, Graph, new EmbedOptions { BatchSize = 64, CreatedAt = Created });
        var path = folder.File("s.gasnap");
        SnapshotWriter.Write(snapshot, path);

        Assert.Equal((float)Beta, snapshot.Header.FriendStructureWeight);
        Assert.Equal((float)Beta, SnapshotReader.Read(path).Header.FriendStructureWeight);
    }

    [Fact]
    public void Build_CheckpointWithoutWeight_SnapshotHasZero()
    {
        using var model = UntrainedModels.Untrained(Graph);

        var snapshot = SnapshotBuilder.Build(model, UntrainedModels.Metadata(Graph), CheckpointIds.Of(Graph), Graph,
            new EmbedOptions { BatchSize = 64, CreatedAt = Created });

        Assert.Equal(0f, snapshot.Header.FriendStructureWeight);
    }

    [Fact]
    public void Merge_ShardsOfACheckpointWithWeight_EqualsTheSingleProcessSnapshotAndCarriesIt()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var metadata = UntrainedModels.Metadata(Graph) with { FriendStructureWeight = Beta };
        var options = new EmbedOptions { BatchSize = 16, CreatedAt = Created };
        var single = SnapshotBuilder.Build(model, metadata, CheckpointIds.Of(Graph), Graph, options);

        var paths = ShardFiles.Write(model, Graph, folder, options, metadata, 3);
        var merged = ShardMerger.Merge(paths, Created);

        Assert.Equal((float)Beta, merged.Header.FriendStructureWeight);
        Assert.Equal(Bytes(single), Bytes(merged));
    }

    [Fact]
    public void Merge_ShardsWithDifferentWeights_AreRejectedAsDifferentCheckpoints()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var options = new EmbedOptions { BatchSize = 16 };
        var paths = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph) with { FriendStructureWeight = Beta }, 2);
        var other = ShardFiles.Write(model, Graph, folder, options, UntrainedModels.Metadata(Graph) with { FriendStructureWeight = 0.5 }, 2, "other");

        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge([paths[0], other[1]]));

        Assert.Contains("friend structure weight", e.Message);
        Assert.Contains("shards of different checkpoints", e.Message);
    }

    [Fact]
    public void Read_ShardOfTheOlderLayoutWithoutWeight_ReadsWithZero()
    {
        using var model = UntrainedModels.Untrained(Graph);
        using var folder = new TempFolder();
        var path = ShardFiles.Write(model, Graph, folder, new EmbedOptions { BatchSize = 16 }, UntrainedModels.Metadata(Graph) with { FriendStructureWeight = Beta, ContentFilterWeight = 0.5 }, 1)[0];
        var (current, rows) = ShardFile.Read(path);
        var old = folder.File("old" + ShardFile.Extension);
        File.WriteAllBytes(old, WithoutWeight(File.ReadAllBytes(path), current));

        var (header, oldRows) = ShardFile.Read(old);

        Assert.Equal((float)Beta, current.FriendStructureWeight);
        Assert.Equal(0f, header.FriendStructureWeight);
        Assert.Equal(current with { FriendStructureWeight = 0f, ContentFilterWeight = 0f }, header);
        Assert.Equal(rows.Users, oldRows.Users);
        File.WriteAllBytes(old, WithoutWeight(File.ReadAllBytes(path), current, keepBeta: true));
        Assert.Equal(current with { ContentFilterWeight = 0f }, ShardFile.Read(old).Header);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.25)]
    [InlineData(1e300)] // finite as a double, infinite as the snapshot's float
    public void Build_CheckpointWithInvalidWeight_FailsBeforeEmbedding(double weight)
    {
        using var model = UntrainedModels.Untrained(Graph);
        var progress = new List<EmbedProgress>();

        var e = Assert.Throws<InvalidDataException>(() => SnapshotBuilder.Build(model, UntrainedModels.Metadata(Graph) with { FriendStructureWeight = weight },
            CheckpointIds.Of(Graph), Graph, new EmbedOptions { BatchSize = 64 }, new Recorded(progress)));

        Assert.Contains("friend structure weight", e.Message);
        Assert.Empty(progress);
    }

    [Fact]
    public async Task EmbeddingJob_CheckpointWithWeight_WritesItIntoTheSnapshot()
    {
        using var folder = new TempFolder();
        var checkpoint = SaveCheckpoint(folder, SampleGraphs.Demo, Beta);
        var path = folder.File("demo.gasnap");

        var settings = new EmbedSettings { GraphFolder = SampleGraphs.DemoFolder, Checkpoint = checkpoint, Out = path };
        await new EmbeddingJob(settings, TextWriter.Null, TextWriter.Null).RunAsync(CancellationToken.None).Within(60);

        Assert.Equal((float)Beta, SnapshotReader.Read(path).Header.FriendStructureWeight);
    }

    private static string SaveCheckpoint(TempFolder folder, SocialGraph graph, double weight)
    {
        var path = folder.File("checkpoint");
        using var model = UntrainedModels.Untrained(graph);
        Checkpoint.Save(path, model, UntrainedModels.Metadata(graph) with { FriendStructureWeight = weight }, CheckpointIds.Of(graph));
        return path;
    }

    /// <summary>A current shard file rewritten in the "GASHARD1" layout: no weight after the creation time, resealed.</summary>
    // The first layout: neither β nor γ (magic GASHARD1); the second: β without γ (GASHARD2).
    private static byte[] WithoutWeight(byte[] file, ShardHeader header, bool keepBeta = false)
    {
        // Magic, then two BinaryWriter strings (one length byte each below 128 bytes), three int32 and one int64.
        var weightAt = 8 + 1 + Encoding.UTF8.GetByteCount(header.ModelId) + 1 + Encoding.UTF8.GetByteCount(header.GraphFingerprint) + 12 + 8;
        var cutAt = keepBeta ? weightAt + 4 : weightAt;
        var cut = keepBeta ? 4 : 8;
        byte[] body = [.. file.AsSpan(0, cutAt), .. file.AsSpan(cutAt + cut, file.Length - 16 - cutAt - cut)];
        (keepBeta ? "GASHARD2"u8 : "GASHARD1"u8).CopyTo(body);
        return [.. body, .. BitConverter.GetBytes(XxHash64.HashToUInt64(body)), .. "GASHRDOK"u8];
    }

    private sealed class Recorded(List<EmbedProgress> list) : IProgress<EmbedProgress>
    {
        public void Report(EmbedProgress value) => list.Add(value);
    }

    private static byte[] Bytes(EmbeddingSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        SnapshotWriter.WriteTo(snapshot, stream);
        return stream.ToArray();
    }
}
