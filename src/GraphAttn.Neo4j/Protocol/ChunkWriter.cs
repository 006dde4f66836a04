using System.Buffers;
using System.Buffers.Binary;

namespace GraphAttn.Neo4j.Protocol;

/// <summary>
/// Bolt framing on the way out: a message is split into chunks of at most 65,535 bytes, each preceded by its
/// big-endian u16 length, and ended by the empty chunk <c>00 00</c>.
/// </summary>
internal static class ChunkWriter
{
    /// <summary>Largest chunk body the u16 length can describe.</summary>
    public const int MaxChunk = ushort.MaxValue;

    /// <summary>Appends the chunked form of <paramref name="message"/> to <paramref name="output"/>.</summary>
    /// <param name="message">One whole PackStream-encoded message.</param>
    /// <param name="output">Where the framed bytes go.</param>
    /// <param name="maxChunk">Chunk body size limit (default 65,535; smaller values are for tests).</param>
    public static void WriteMessage(ReadOnlySpan<byte> message, IBufferWriter<byte> output, int maxChunk = MaxChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunk, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxChunk, MaxChunk);
        while (!message.IsEmpty)
        {
            var size = Math.Min(message.Length, maxChunk);
            var span = output.GetSpan(size + 2);
            BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)size);
            message[..size].CopyTo(span[2..]);
            output.Advance(size + 2);
            message = message[size..];
        }

        WriteNoop(output);
    }

    /// <summary>Writes one empty chunk: the end of a message, or a keep-alive NOOP between messages.</summary>
    public static void WriteNoop(IBufferWriter<byte> output)
    {
        output.GetSpan(2)[..2].Clear();
        output.Advance(2);
    }
}
