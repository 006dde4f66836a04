using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>Format version 4 adds the content filter weight γ; version 3 files read with γ = 0 and keep β.</summary>
public sealed class SnapshotVersionThreeTests
{
    [Fact]
    public void RoundTrip_CurrentVersion_KeepsBothScoreTermWeights()
    {
        EmbeddingSnapshot original = TestSnapshots.Create(seed: 3, friendStructureWeight: 0.5f, contentFilterWeight: 1.25f);

        EmbeddingSnapshot read = SnapshotReader.Read(new MemoryStream(TestSnapshots.ToBytes(original)), "v4");

        Assert.Equal((SnapshotFormat.Version, 0.5f, 1.25f), (read.Header.FormatVersion, read.Header.FriendStructureWeight, read.Header.ContentFilterWeight));
    }

    [Fact]
    public void Read_VersionThreeFile_ReadsEverythingWithFilterWeightZero()
    {
        EmbeddingSnapshot original = TestSnapshots.Create(users: 6, contents: 9, dims: 5, seed: 8, friendStructureWeight: 0.75f, contentFilterWeight: 2f);

        EmbeddingSnapshot read = SnapshotReader.Read(new MemoryStream(OlderSnapshotBytes.Version3(original)), "v3");

        Assert.Equal((3, 0.75f, 0f), (read.Header.FormatVersion, read.Header.FriendStructureWeight, read.Header.ContentFilterWeight));
        Assert.Equal(original.UserVectors.Data, read.UserVectors.Data);
        Assert.Equal(original.ContentVectors.Data, read.ContentVectors.Data);
        Assert.Equal(original.HistoryAttention.Weights, read.HistoryAttention.Weights);
        Assert.Equal(TestSnapshots.ToBytes(original).Length - 4, OlderSnapshotBytes.Version3(original).Length);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-1f)]
    [InlineData(float.PositiveInfinity)]
    public void Header_InvalidFilterWeight_Refused(float weight) =>
        Assert.Throws<ArgumentException>(() => TestSnapshots.Create(contentFilterWeight: weight));
}
