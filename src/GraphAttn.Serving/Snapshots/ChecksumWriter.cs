using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphAttn.Serving.Snapshots;

/// <summary>Writes little-endian primitives to a stream while feeding every byte to an XxHash64.</summary>
internal sealed class ChecksumWriter(Stream stream)
{
    private readonly XxHash64 _hash = new();
    private readonly byte[] _scratch = new byte[8];

    public long Position { get; private set; }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        _hash.Append(bytes);
        Position += bytes.Length;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 4));
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 8));
    }

    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 4));
    }

    public void WriteString(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > SnapshotFormat.MaxStringBytes)
        {
            throw new ArgumentException($"String of {bytes.Length} UTF-8 bytes exceeds the snapshot limit of {SnapshotFormat.MaxStringBytes}.");
        }

        WriteInt32(bytes.Length);
        WriteBytes(bytes);
    }

    // The host is checked to be little-endian, so raw memory already has the file's byte order.
    public void WriteFloats(ReadOnlySpan<float> values) => WriteBytes(MemoryMarshal.AsBytes(values));

    public void WriteInts(ReadOnlySpan<int> values) => WriteBytes(MemoryMarshal.AsBytes(values));

    /// <summary>Writes the hash of everything so far (not itself hashed), then the end magic.</summary>
    public void WriteTrailer()
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scratch, _hash.GetCurrentHashAsUInt64());
        stream.Write(_scratch);
        stream.Write(SnapshotFormat.EndMagic);
        Position += SnapshotFormat.TrailerLength;
    }

    public static long StringLength(string value) => 4L + Encoding.UTF8.GetByteCount(value);
}
