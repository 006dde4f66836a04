using System.Buffers.Binary;
using System.IO.Hashing;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

/// <summary>Format version 1 (no friend matrix) stays readable after the bump to version 2.</summary>
public sealed class SnapshotVersionOneTests
{
    [Fact]
    public void Read_VersionOneFile_ReadsEverythingAndUsesUserVectorsAsFriendVectors()
    {
        EmbeddingSnapshot original = TestSnapshots.Create(users: 6, contents: 9, dims: 5, seed: 4);

        EmbeddingSnapshot read = SnapshotReader.Read(new MemoryStream(AsVersionOne(original)), "v1");

        Assert.Equal(1, read.Header.FormatVersion);
        Assert.Equal(original.UserIds, read.UserIds);
        Assert.Equal(original.UserVectors.Data, read.UserVectors.Data);
        Assert.Equal(original.ContentVectors.Data, read.ContentVectors.Data);
        Assert.Same(read.UserVectors, read.FriendVectors);
        Assert.Equal(original.HistoryAttention.Weights, read.HistoryAttention.Weights);
    }

    [Fact]
    public void Constructor_FriendMatrixWithWrongRowCount_Throws()
    {
        EmbeddingSnapshot s = TestSnapshots.Create(users: 3, dims: 4);

        var error = Assert.Throws<ArgumentException>(() => new EmbeddingSnapshot(s.Header, s.UserIds, s.ContentIds,
            s.UserVectors, s.ContentVectors, s.FriendAttention, s.HistoryAttention, new EmbeddingMatrix(new float[8], 2, 4)));

        Assert.Contains("friend matrix has 2 rows for 3 user ids", error.Message);
    }

    /// <summary>The version 1 layout: the version 2 bytes without the friend matrix, with length and checksum redone.</summary>
    private static byte[] AsVersionOne(EmbeddingSnapshot snapshot)
    {
        byte[] v2 = TestSnapshots.ToBytes(snapshot);
        int users = snapshot.UserIds.Length;
        int attention = 4 * (2 * (users + 1) + 2 * snapshot.FriendAttention.Targets.Length + 2 * snapshot.HistoryAttention.Targets.Length);
        int friendBytes = 4 * snapshot.FriendVectors.Data.Length;
        int friendStart = v2.Length - 16 - attention - friendBytes;
        byte[] body = [.. v2.AsSpan(0, friendStart), .. v2.AsSpan(friendStart + friendBytes, attention)];
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), 1);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(16), body.Length + 16);
        var trailer = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, XxHash64.HashToUInt64(body));
        "GASNAPOK"u8.CopyTo(trailer.AsSpan(8));
        return [.. body, .. trailer];
    }
}
