using System.Buffers.Binary;
using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Neo4j.Protocol;

/// <summary>
/// Bolt framing on the way in: reads chunks from a stream and returns whole messages, skipping NOOP chunks
/// between messages. Reads through its own buffer so small chunks cost no extra system calls. A message larger
/// than <paramref name="maxMessageBytes"/> or a stream that ends mid-message raises an exception instead of
/// growing or waiting forever.
/// </summary>
internal sealed class MessageReader(Stream stream, int maxMessageBytes, int bufferSize = 64 * 1024)
{
    private readonly byte[] _input = new byte[bufferSize];
    private byte[] _message = new byte[Math.Min(bufferSize, maxMessageBytes)];
    private int _start;
    private int _end;

    /// <summary>Reads the next message; the memory is valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadMessageAsync(CancellationToken ct)
    {
        var length = 0;
        while (true)
        {
            await FillAsync(2, ct).ConfigureAwait(false);
            int chunk = BinaryPrimitives.ReadUInt16BigEndian(_input.AsSpan(_start, 2));
            _start += 2;
            if (chunk == 0)
            {
                if (length == 0)
                {
                    continue; // a NOOP (keep-alive) between messages
                }

                return _message.AsMemory(0, length);
            }

            if (length + chunk > maxMessageBytes)
            {
                throw new BoltProtocolException($"Message exceeds the {maxMessageBytes}-byte limit.");
            }

            EnsureMessageCapacity(length + chunk);
            await CopyChunkAsync(chunk, length, ct).ConfigureAwait(false);
            length += chunk;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> raw bytes (handshake replies).</summary>
    public async ValueTask<byte[]> ReadRawAsync(int count, CancellationToken ct)
    {
        await FillAsync(count, ct).ConfigureAwait(false);
        var bytes = _input.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    private async ValueTask CopyChunkAsync(int chunk, int offset, CancellationToken ct)
    {
        while (chunk > 0)
        {
            await FillAsync(1, ct).ConfigureAwait(false);
            var take = Math.Min(chunk, _end - _start);
            Buffer.BlockCopy(_input, _start, _message, offset, take);
            _start += take;
            offset += take;
            chunk -= take;
        }
    }

    private void EnsureMessageCapacity(int needed)
    {
        if (needed > _message.Length)
        {
            Array.Resize(ref _message, (int)Math.Min(maxMessageBytes, Math.Max(needed, 2L * _message.Length)));
        }
    }

    private async ValueTask FillAsync(int needed, CancellationToken ct)
    {
        if (_end - _start >= needed)
        {
            return;
        }

        Buffer.BlockCopy(_input, _start, _input, 0, _end - _start);
        _end -= _start;
        _start = 0;
        while (_end < needed)
        {
            var read = await stream.ReadAsync(_input.AsMemory(_end), ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new ServiceUnavailableException("The server closed the connection.");
            }

            _end += read;
        }
    }
}
