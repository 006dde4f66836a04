using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>The friend structure weight β of format version 3: kept exactly, and never NaN, infinite or negative.</summary>
public sealed class SnapshotStructureWeightTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.4375f)]
    [InlineData(3.14159f)]
    public void Write_ThenRead_KeepsTheWeightExactly(float weight)
    {
        using var folder = new TempFolder();
        EmbeddingSnapshot original = TestSnapshots.Create(seed: 5, friendStructureWeight: weight);
        string path = folder.File("w" + SnapshotFormat.Extension);

        SnapshotWriter.Write(original, path);
        EmbeddingSnapshot read = SnapshotReader.Read(path);

        Assert.Equal(weight, read.Header.FriendStructureWeight);
        Assert.Equal(original.Header, read.Header);
        Assert.Equal(SnapshotFormat.Version, read.Header.FormatVersion);
    }

    [Fact]
    public void Header_DefaultWeight_IsZero()
    {
        Assert.Equal(0f, new SnapshotHeader("m", "fp", DateTimeOffset.UnixEpoch).FriendStructureWeight);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(-0.5f)]
    public void Header_InvalidWeight_ThrowsArgumentException(float weight)
    {
        var header = new SnapshotHeader("m", "fp", DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<ArgumentException>(() => header with { FriendStructureWeight = weight });

        Assert.Contains("not a finite non-negative number", error.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(-1f)]
    public void Read_InvalidWeightWithValidChecksum_IsRejectedAsCorrupt(float weight)
    {
        byte[] bytes = OlderSnapshotBytes.WithWeightBits(TestSnapshots.Create(seed: 6), weight);

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(new MemoryStream(bytes), "bad-weight"));

        Assert.Contains("friend structure weight", error.Problem);
        Assert.Contains("not a finite non-negative number", error.Problem);
        Assert.Contains("bad-weight", error.Message);
    }

    [Fact]
    public void Read_ResealedValidWeight_IsAccepted()
    {
        // Guards the test above: resealing with a valid weight must read, so the rejection comes from the weight alone.
        byte[] bytes = OlderSnapshotBytes.WithWeightBits(TestSnapshots.Create(seed: 6), 2.5f);

        Assert.Equal(2.5f, SnapshotReader.Read(new MemoryStream(bytes), "good-weight").Header.FriendStructureWeight);
    }
}
