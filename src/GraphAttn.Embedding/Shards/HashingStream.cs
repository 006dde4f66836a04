using System.IO.Hashing;

namespace GraphAttn.Embedding.Shards;

/// <summary>A pass-through stream that feeds every byte read or written into an XxHash64.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly XxHash64 hash = new();

    /// <summary>Hash of the bytes so far.</summary>
    public ulong Current => hash.GetCurrentHashAsUInt64();

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        hash.Append(buffer.AsSpan(offset, read));
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        hash.Append(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override void Flush() => inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
