using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>Format version 2 (friend matrix, no friend structure weight) stays readable after the bump to version 3.</summary>
public sealed class SnapshotVersionTwoTests
{
    [Fact]
    public void Read_VersionTwoFile_ReadsEverythingWithStructureWeightZero()
    {
        EmbeddingSnapshot original = TestSnapshots.Create(users: 6, contents: 9, dims: 5, seed: 8, friendStructureWeight: 0.75f, contentFilterWeight: 2f);

        EmbeddingSnapshot read = SnapshotReader.Read(new MemoryStream(OlderSnapshotBytes.Version2(original)), "v2");

        Assert.Equal(2, read.Header.FormatVersion);
        Assert.Equal(0f, read.Header.FriendStructureWeight);
        Assert.Equal(0f, read.Header.ContentFilterWeight);
        Assert.Equal(original.Header.ModelId, read.Header.ModelId);
        Assert.Equal(original.Header.CreatedAt, read.Header.CreatedAt);
        Assert.Equal(original.UserIds, read.UserIds);
        Assert.Equal(original.ContentIds, read.ContentIds);
        Assert.Equal(original.UserVectors.Data, read.UserVectors.Data);
        Assert.Equal(original.ContentVectors.Data, read.ContentVectors.Data);
        Assert.Equal(original.FriendVectors.Data, read.FriendVectors.Data);
        Assert.Equal(original.FriendAttention.Targets, read.FriendAttention.Targets);
        Assert.Equal(original.HistoryAttention.Weights, read.HistoryAttention.Weights);
    }

    [Fact]
    public void Read_VersionTwoFile_IsFourBytesShorterThanVersionThree()
    {
        EmbeddingSnapshot snapshot = TestSnapshots.Create(seed: 2);

        Assert.Equal(OlderSnapshotBytes.Version3(snapshot).Length - 4, OlderSnapshotBytes.Version2(snapshot).Length);
    }
}
