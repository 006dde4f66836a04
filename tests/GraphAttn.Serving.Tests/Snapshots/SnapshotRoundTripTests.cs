using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

public sealed class SnapshotRoundTripTests
{
    [Fact]
    public void Write_ThenRead_PreservesEverything()
    {
        using var folder = new TempFolder();
        EmbeddingSnapshot original = TestSnapshots.Create(users: 6, contents: 9, dims: 5, seed: 3, friendStructureWeight: 0.625f);
        string path = folder.File("a" + SnapshotFormat.Extension);

        long length = SnapshotWriter.Write(original, path);
        EmbeddingSnapshot read = SnapshotReader.Read(path);

        Assert.Equal(new FileInfo(path).Length, length);
        Assert.Equal(original.Header, read.Header);
        Assert.Equal(0.625f, read.Header.FriendStructureWeight);
        Assert.Equal(original.UserIds, read.UserIds);
        Assert.Equal(original.ContentIds, read.ContentIds);
        Assert.Equal(original.UserVectors.Data, read.UserVectors.Data);
        Assert.Equal(original.ContentVectors.Data, read.ContentVectors.Data);
        Assert.Equal(original.FriendVectors.Data, read.FriendVectors.Data);
        Assert.NotEqual(read.UserVectors.Data, read.FriendVectors.Data);
        Assert.Equal(SnapshotFormat.Version, read.Header.FormatVersion);
        Assert.Equal(original.FriendAttention.Offsets, read.FriendAttention.Offsets);
        Assert.Equal(original.FriendAttention.Targets, read.FriendAttention.Targets);
        Assert.Equal(original.FriendAttention.Weights, read.FriendAttention.Weights);
        Assert.Equal(original.HistoryAttention.Offsets, read.HistoryAttention.Offsets);
        Assert.Equal(original.HistoryAttention.Targets, read.HistoryAttention.Targets);
        Assert.Equal(original.HistoryAttention.Weights, read.HistoryAttention.Weights);
        Assert.True(read.TryGetContentIndex("c000004-é", out int row));
        Assert.Equal(4, row);
    }

    [Fact]
    public void Write_OverExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("s" + SnapshotFormat.Extension);
        SnapshotWriter.Write(TestSnapshots.Create(modelId: "old"), path);

        SnapshotWriter.Write(TestSnapshots.Create(modelId: "new"), path);

        Assert.Equal("new", SnapshotReader.Read(path).Header.ModelId);
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Constructor_DuplicateUserId_Throws()
    {
        EmbeddingSnapshot s = TestSnapshots.Create(users: 2);
        var ids = new[] { "u1", "u1" };

        var error = Assert.Throws<ArgumentException>(() => new EmbeddingSnapshot(
            s.Header, ids, s.ContentIds, s.UserVectors, s.ContentVectors, s.FriendAttention, s.HistoryAttention));

        Assert.Contains("'u1' appears twice", error.Message);
    }

    [Fact]
    public void Constructor_AttentionTargetOutOfRange_Throws()
    {
        EmbeddingSnapshot s = TestSnapshots.Create(users: 2, contents: 3);
        var history = AttentionTable.FromRows([[(3, 0.5f)], []]);

        var error = Assert.Throws<ArgumentException>(() => new EmbeddingSnapshot(
            s.Header, s.UserIds, s.ContentIds, s.UserVectors, s.ContentVectors, s.FriendAttention, history));

        Assert.Contains("history attention target 3", error.Message);
    }
}
