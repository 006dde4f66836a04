using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphAttn.Serving.Snapshots;

/// <summary>
/// Reads little-endian primitives while hashing them, checking every length against the bytes the header says
/// remain, so a corrupt count fails with a clear error instead of a huge allocation.
/// </summary>
internal sealed class ChecksumReader(Stream stream, string source, long declaredLength)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly XxHash64 _hash = new();
    private readonly byte[] _scratch = new byte[8];

    public long Position { get; private set; }

    /// <summary>Bytes left before the trailer.</summary>
    public long Remaining => declaredLength - SnapshotFormat.TrailerLength - Position;

    public SnapshotFormatException Error(string problem) => new(source, problem);

    /// <summary>Accounts for bytes the caller already read from the stream (the header prefix).</summary>
    public void Consumed(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        Position += bytes.Length;
    }

    public void ReadBytes(Span<byte> buffer, string what)
    {
        if (buffer.Length > Remaining)
        {
            throw Error($"{what} needs {buffer.Length} bytes at offset {Position} but only {Remaining} remain before the trailer (corrupted)");
        }

        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw Error($"file ends at offset {Position + read} while reading {what} (truncated)");
        }

        _hash.Append(buffer);
        Position += buffer.Length;
    }

    public int ReadInt32(string what)
    {
        ReadBytes(_scratch.AsSpan(0, 4), what);
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    public long ReadInt64(string what)
    {
        ReadBytes(_scratch.AsSpan(0, 8), what);
        return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
    }

    public float ReadSingle(string what)
    {
        ReadBytes(_scratch.AsSpan(0, 4), what);
        return BinaryPrimitives.ReadSingleLittleEndian(_scratch);
    }

    public string ReadString(string what)
    {
        int length = ReadInt32(what);
        if (length < 0 || length > SnapshotFormat.MaxStringBytes)
        {
            throw Error($"{what} has length {length} at offset {Position - 4}, outside [0, {SnapshotFormat.MaxStringBytes}] (corrupted)");
        }

        byte[] bytes = new byte[length];
        ReadBytes(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error($"{what} at offset {Position - length} is not valid UTF-8 (corrupted)");
        }
    }

    public float[] ReadFloats(long count, string what)
    {
        float[] values = GC.AllocateUninitializedArray<float>(CheckedCount(count, what));
        ReadBytes(MemoryMarshal.AsBytes(values.AsSpan()), what);
        return values;
    }

    public int[] ReadInts(long count, string what)
    {
        int[] values = GC.AllocateUninitializedArray<int>(CheckedCount(count, what));
        ReadBytes(MemoryMarshal.AsBytes(values.AsSpan()), what);
        return values;
    }

    /// <summary>Reads the trailer and compares the stored hash with the hash of everything read.</summary>
    public void VerifyTrailer()
    {
        if (Remaining != 0)
        {
            throw Error($"content ends at offset {Position} but the header declares the trailer at {declaredLength - SnapshotFormat.TrailerLength} (corrupted)");
        }

        Span<byte> trailer = stackalloc byte[SnapshotFormat.TrailerLength];
        if (stream.ReadAtLeast(trailer, trailer.Length, throwOnEndOfStream: false) < trailer.Length)
        {
            throw Error("file ends inside the checksum trailer (truncated)");
        }

        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(trailer);
        ulong computed = _hash.GetCurrentHashAsUInt64();
        if (stored != computed)
        {
            throw Error($"checksum mismatch: stored XxHash64 {stored:x16}, computed {computed:x16} (corrupted)");
        }

        if (!trailer[8..].SequenceEqual(SnapshotFormat.EndMagic))
        {
            throw Error("end marker is wrong (corrupted)");
        }
    }

    private int CheckedCount(long count, string what)
    {
        if (count < 0 || count > Array.MaxLength || count * 4 > Remaining)
        {
            throw Error($"{what} declares {count} values but only {Remaining} bytes remain before the trailer (corrupted)");
        }

        return (int)count;
    }
}
