using System.Runtime.InteropServices;
using System.Text;

namespace GraphAttn.Embedding.Shards;

/// <summary>
/// A BinaryReader that checks every count against the bytes left before the trailer, so a corrupt count fails with
/// a clear error instead of allocating without bound.
/// </summary>
internal sealed class BoundedReader(Stream stream, long end, string path) : IDisposable
{
    private readonly BinaryReader reader = new(stream, Encoding.UTF8, leaveOpen: true);
    private long position;

    private long Remaining => end - position;

    public int Int() => Take(4, reader.ReadInt32);

    public long Long() => Take(8, reader.ReadInt64);

    public float Single() => Take(4, reader.ReadSingle);

    /// <summary>A count of items of at least <paramref name="minBytes"/> each that must fit in what remains.</summary>
    public int Count(int minBytes)
    {
        var n = Int();
        if (n < 0 || (long)n * minBytes > Remaining) throw new InvalidDataException($"{path}: count {n} does not fit in {Remaining} bytes (corrupted)");
        return n;
    }

    public byte[] Bytes(int n) => Take(n, () => reader.ReadBytes(n));

    public string String()
    {
        var before = stream.Position;
        var s = reader.ReadString();
        position += stream.Position - before;
        if (position > end) throw new InvalidDataException($"{path}: string runs past the end (corrupted)");
        return s;
    }

    public int[] Ints(long n)
    {
        Fits(n * 4);
        var values = new int[n];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        position += n * 4;
        return values;
    }

    public float[] Floats(long n)
    {
        Fits(n * 4);
        var values = new float[n];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        position += n * 4;
        return values;
    }

    public void Dispose() => reader.Dispose();

    private T Take<T>(int bytes, Func<T> read)
    {
        Fits(bytes);
        position += bytes;
        return read();
    }

    private void Fits(long bytes)
    {
        if (bytes < 0 || bytes > Remaining) throw new InvalidDataException($"{path}: {bytes} bytes needed but {Remaining} remain (truncated or corrupted)");
    }
}
