using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using GraphAttn.Graph;
using GraphAttn.Graph.Live;

namespace GraphAttn.Serving.Events.Log;

/// <summary>How reading one record went.</summary>
public enum RecordStatus
{
    /// <summary>A whole record, checksum verified.</summary>
    Complete,

    /// <summary>The bytes end inside the record: a writer is still writing it, or died while writing it.</summary>
    Incomplete,

    /// <summary>The record's length is impossible or its checksum does not match.</summary>
    Corrupt,
}

/// <summary>
/// One event in the log, little-endian: <c>u32 body length</c>, <c>u32 CRC-32 of the body</c>, then the body:
/// <c>u8 format (1), u8 kind, i64 sequence, i64 timestamp ms, u8 interaction kind, f32 weight</c>, then the strings
/// event id, user id, target id, name (each <c>u16 byte length</c> + UTF-8), then <c>u16 topic count</c> and per topic
/// its id and name. The length prefix lets a reader skip to the next record; the checksum tells a torn or damaged
/// record from a whole one.
/// </summary>
public static class EventRecord
{
    /// <summary>Bytes before the body.</summary>
    public const int HeaderBytes = 8;

    /// <summary>Largest body accepted; a longer length field means the record is damaged.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private const byte Format = 1;

    /// <summary>Appends the record of <paramref name="e"/> with sequence number <paramref name="sequence"/>.</summary>
    /// <exception cref="ArgumentException">A string is longer than 65,535 UTF-8 bytes or there are too many topics.</exception>
    public static void Write(GraphEvent e, long sequence, ArrayBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(output);
        int start = output.WrittenCount;
        output.GetSpan(HeaderBytes);
        output.Advance(HeaderBytes);
        Span<byte> fixedPart = output.GetSpan(23);
        fixedPart[0] = Format;
        fixedPart[1] = (byte)e.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart[2..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(fixedPart[10..], e.TimestampMs);
        fixedPart[18] = (byte)e.Interaction;
        BinaryPrimitives.WriteSingleLittleEndian(fixedPart[19..], e.Weight);
        output.Advance(23);
        WriteString(output, e.EventId);
        WriteString(output, e.UserId);
        WriteString(output, e.TargetId);
        WriteString(output, e.Name);
        if (e.Topics.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"An event holds at most {ushort.MaxValue} topics, got {e.Topics.Count}.", nameof(e));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(output.GetSpan(2), (ushort)e.Topics.Count);
        output.Advance(2);
        for (int t = 0; t < e.Topics.Count; t++)
        {
            WriteString(output, e.Topics[t]);
            WriteString(output, t < e.TopicNames.Count ? e.TopicNames[t] : "");
        }

        int bodyLength = output.WrittenCount - start - HeaderBytes;
        // The header sits before the body in the same buffer: patch it in place.
        Span<byte> written = System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory).Span;
        Span<byte> record = written.Slice(start, HeaderBytes + bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.HashToUInt32(record[HeaderBytes..]));
    }

    /// <summary>Reads the record at the start of <paramref name="bytes"/>; <paramref name="length"/> is its size on success.</summary>
    public static RecordStatus TryRead(ReadOnlySpan<byte> bytes, out GraphEvent? e, out int length)
    {
        e = null;
        length = 0;
        if (bytes.Length < HeaderBytes)
        {
            return RecordStatus.Incomplete;
        }

        uint body = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (body is < 23 + 10 or > MaxBodyBytes)
        {
            return RecordStatus.Corrupt;
        }

        if (bytes.Length < HeaderBytes + (int)body)
        {
            return RecordStatus.Incomplete;
        }

        ReadOnlySpan<byte> content = bytes.Slice(HeaderBytes, (int)body);
        if (Crc32.HashToUInt32(content) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) || content[0] != Format)
        {
            return RecordStatus.Corrupt;
        }

        try
        {
            e = Decode(content);
        }
        catch (ArgumentOutOfRangeException)
        {
            return RecordStatus.Corrupt;
        }

        length = HeaderBytes + (int)body;
        return e is null ? RecordStatus.Corrupt : RecordStatus.Complete;
    }

    private static GraphEvent? Decode(ReadOnlySpan<byte> body)
    {
        var kind = (GraphEventKind)body[1];
        if (!Enum.IsDefined(kind) || body[18] >= InteractionKinds.Count)
        {
            return null;
        }

        int at = 23;
        string eventId = ReadString(body, ref at);
        string userId = ReadString(body, ref at);
        string targetId = ReadString(body, ref at);
        string name = ReadString(body, ref at);
        int topicCount = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        at += 2;
        var topics = new string[topicCount];
        var topicNames = new string[topicCount];
        for (int t = 0; t < topicCount; t++)
        {
            topics[t] = ReadString(body, ref at);
            topicNames[t] = ReadString(body, ref at);
        }

        return at != body.Length ? null : new GraphEvent
        {
            EventId = eventId,
            Kind = kind,
            Sequence = BinaryPrimitives.ReadInt64LittleEndian(body[2..]),
            TimestampMs = BinaryPrimitives.ReadInt64LittleEndian(body[10..]),
            Interaction = (InteractionKind)body[18],
            Weight = BinaryPrimitives.ReadSingleLittleEndian(body[19..]),
            UserId = userId,
            TargetId = targetId,
            Name = name,
            Topics = topics,
            TopicNames = topicNames,
        };
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > ushort.MaxValue)
        {
            throw new ArgumentException($"Event strings are at most {ushort.MaxValue} UTF-8 bytes, got {bytes}.", nameof(value));
        }

        Span<byte> span = output.GetSpan(2 + bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)bytes);
        Encoding.UTF8.GetBytes(value, span[2..]);
        output.Advance(2 + bytes);
    }

    private static string ReadString(ReadOnlySpan<byte> body, ref int at)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        string value = Encoding.UTF8.GetString(body.Slice(at + 2, length));
        at += 2 + length;
        return value;
    }
}
