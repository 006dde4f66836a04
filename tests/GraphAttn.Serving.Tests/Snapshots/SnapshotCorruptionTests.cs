using System.Buffers.Binary;
using GraphAttn.Serving.Snapshots;
using GraphAttn.Serving.Tests.Support;

namespace GraphAttn.Serving.Tests.Snapshots;

public sealed class SnapshotCorruptionTests
{
    private static readonly byte[] Valid = TestSnapshots.ToBytes(TestSnapshots.Create(users: 5, contents: 7, dims: 3));

    [Fact]
    public void Read_EveryTruncationLength_ThrowsFormatException()
    {
        for (int length = 0; length < Valid.Length; length++)
        {
            using var stream = new MemoryStream(Valid, 0, length);
            Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(stream, $"cut-{length}"));
        }
    }

    [Fact]
    public void Read_EverySingleBitFlip_ThrowsFormatException()
    {
        for (int bit = 0; bit < Valid.Length * 8; bit++)
        {
            byte[] bytes = (byte[])Valid.Clone();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            using var stream = new MemoryStream(bytes);
            Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(stream, $"flip-{bit}"));
        }
    }

    [Fact]
    public void Read_RandomMultiByteDamage_ThrowsFormatException()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 500; trial++)
        {
            byte[] bytes = (byte[])Valid.Clone();
            int start = random.Next(bytes.Length);
            int count = 1 + random.Next(Math.Min(16, bytes.Length - start));
            byte[] noise = new byte[count];
            do
            {
                random.NextBytes(noise);
            }
            while (noise.AsSpan().SequenceEqual(bytes.AsSpan(start, count)));
            noise.CopyTo(bytes, start);
            using var stream = new MemoryStream(bytes);
            Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(stream, $"noise-{trial}"));
        }
    }

    [Fact]
    public void Read_TruncatedFile_MessageNamesFileAndTruncation()
    {
        using var folder = new TempFolder();
        string path = folder.File("cut" + SnapshotFormat.Extension);
        File.WriteAllBytes(path, Valid.AsSpan(0, Valid.Length - 10).ToArray());

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Read_NewerFormatVersion_ReportsTheVersion()
    {
        byte[] bytes = (byte[])Valid.Clone();
        int newer = SnapshotFormat.Version + 1;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), newer);
        using var stream = new MemoryStream(bytes);

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(stream, "newer"));

        Assert.Contains($"format version {newer} is not supported", error.Message);
        Assert.Contains($"reads versions 1 to {SnapshotFormat.Version}", error.Message);
    }

    [Fact]
    public void Read_FlippedMatrixValue_ReportsChecksumMismatch()
    {
        byte[] bytes = (byte[])Valid.Clone();
        bytes[^40] ^= 0x10; // inside the history attention weights, structurally harmless
        using var stream = new MemoryStream(bytes);

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.Read(stream, "flip"));

        Assert.Contains("checksum mismatch", error.Message);
    }
}
