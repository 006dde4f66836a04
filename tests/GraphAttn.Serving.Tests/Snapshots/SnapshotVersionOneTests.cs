using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>Format version 1 (no friend matrix) stays readable after the bumps to versions 2 and 3.</summary>
public sealed class SnapshotVersionOneTests
{
    [Fact]
    public void Read_VersionOneFile_ReadsEverythingAndUsesUserVectorsAsFriendVectors()
    {
        EmbeddingSnapshot original = TestSnapshots.Create(users: 6, contents: 9, dims: 5, seed: 4);

        EmbeddingSnapshot read = SnapshotReader.Read(new MemoryStream(OlderSnapshotBytes.Version1(original)), "v1");

        Assert.Equal(1, read.Header.FormatVersion);
        Assert.Equal(original.UserIds, read.UserIds);
        Assert.Equal(original.UserVectors.Data, read.UserVectors.Data);
        Assert.Equal(original.ContentVectors.Data, read.ContentVectors.Data);
        Assert.Same(read.UserVectors, read.FriendVectors);
        Assert.Equal(original.HistoryAttention.Weights, read.HistoryAttention.Weights);
        Assert.Equal(0f, read.Header.FriendStructureWeight);
    }

    [Fact]
    public void Constructor_FriendMatrixWithWrongRowCount_Throws()
    {
        EmbeddingSnapshot s = TestSnapshots.Create(users: 3, dims: 4);

        var error = Assert.Throws<ArgumentException>(() => new EmbeddingSnapshot(s.Header, s.UserIds, s.ContentIds,
            s.UserVectors, s.ContentVectors, s.FriendAttention, s.HistoryAttention, new EmbeddingMatrix(new float[8], 2, 4)));

        Assert.Contains("friend matrix has 2 rows for 3 user ids", error.Message);
    }
}
