using System.Buffers.Binary;
using System.Text;
using GraphAttn.Neo4j.Errors;
using GraphAttn.Neo4j.Values;

namespace GraphAttn.Neo4j.PackStream;

/// <summary>
/// Decodes PackStream v1 from a span. Integers come back as <see cref="long"/>, floats as <see cref="double"/>,
/// strings, <c>byte[]</c>, lists as <c>object?[]</c> (an <see cref="IReadOnlyList{T}"/>), maps as
/// <see cref="Dictionary{TKey,TValue}"/> (an <see cref="IReadOnlyDictionary{TKey,TValue}"/>) and structures
/// as the types in <see cref="Values"/>. Every size is checked against the bytes left and the nesting depth
/// against <see cref="PackStreamLimits.MaxDepth"/>; any violation throws <see cref="BoltProtocolException"/>.
/// </summary>
internal ref struct PackStreamReader(ReadOnlySpan<byte> data, PackStreamLimits? limits = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> _data = data;
    private readonly int _maxDepth = (limits ?? PackStreamLimits.Default).MaxDepth;
    private int _pos;
    private int _depth;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>Reads the next value of any type.</summary>
    public object? ReadValue()
    {
        var marker = ReadByte();
        if (marker < 0x80)
        {
            return (long)marker;
        }

        if (marker >= 0xF0)
        {
            return (long)(sbyte)marker;
        }

        switch (marker & 0xF0)
        {
            case Marker.TinyStringBase: return ReadUtf8(marker & 0x0F);
            case Marker.TinyListBase: return ReadListBody(marker & 0x0F);
            case Marker.TinyMapBase: return ReadMapBody(marker & 0x0F);
            case Marker.TinyStructBase: return ReadStructBody(marker & 0x0F);
        }

        return marker switch
        {
            Marker.Null => null,
            Marker.True => true,
            Marker.False => false,
            Marker.Float64 => BinaryPrimitives.ReadDoubleBigEndian(Take(8)),
            Marker.Int8 => (long)(sbyte)ReadByte(),
            Marker.Int16 => (long)BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            Marker.Int32 => (long)BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            Marker.Int64 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            Marker.Bytes8 or Marker.Bytes16 or Marker.Bytes32 => Take(ReadSize(marker - Marker.Bytes8, 1)).ToArray(),
            Marker.String8 or Marker.String16 or Marker.String32 => ReadUtf8(ReadSize(marker - Marker.String8, 1)),
            Marker.List8 or Marker.List16 or Marker.List32 => ReadListBody(ReadSize(marker - Marker.List8, 1)),
            Marker.Map8 or Marker.Map16 or Marker.Map32 => ReadMapBody(ReadSize(marker - Marker.Map8, 2)),
            0xDC or 0xDD => ReadStructBody(ReadSize(marker - 0xDC, 1)),
            _ => throw new BoltProtocolException($"Unknown PackStream marker 0x{marker:X2} at offset {_pos - 1}."),
        };
    }

    /// <summary>Reads a structure header and returns its field count; the fields follow.</summary>
    public int ReadStructHeader(out byte signature)
    {
        var marker = ReadByte();
        var count = (marker & 0xF0) == Marker.TinyStructBase ? marker & 0x0F
            : marker is 0xDC or 0xDD ? ReadSize(marker - 0xDC, 1)
            : throw new BoltProtocolException($"Expected a structure, found marker 0x{marker:X2}.");
        signature = ReadByte();
        return count;
    }

    /// <summary>Reads a list header and returns its length; the items follow.</summary>
    public int ReadListHeader()
    {
        var marker = ReadByte();
        return (marker & 0xF0) == Marker.TinyListBase ? marker & 0x0F
            : marker is >= Marker.List8 and <= Marker.List32 ? ReadSize(marker - Marker.List8, 1)
            : throw new BoltProtocolException($"Expected a list, found marker 0x{marker:X2}.");
    }

    /// <summary>Reads a map as a dictionary.</summary>
    public Dictionary<string, object?> ReadMap() =>
        ReadValue() as Dictionary<string, object?> ?? throw new BoltProtocolException("Expected a map.");

    private object?[] ReadListBody(int count)
    {
        Enter();
        var items = new object?[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadValue();
        }

        _depth--;
        return items;
    }

    private Dictionary<string, object?> ReadMapBody(int count)
    {
        Enter();
        var map = new Dictionary<string, object?>(count);
        for (var i = 0; i < count; i++)
        {
            var key = ReadValue() as string ?? throw new BoltProtocolException("Map key is not a string.");
            map[key] = ReadValue();
        }

        _depth--;
        return map;
    }

    private object ReadStructBody(int count)
    {
        var signature = ReadByte();
        var fields = ReadListBody(count);
        return StructureHydrator.Hydrate(signature, fields);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new BoltProtocolException($"Values nested deeper than {_maxDepth} levels.");
        }
    }

    // sizeClass 0/1/2 = u8/u16/u32 length; minBytesPerItem rejects counts the remaining bytes cannot hold.
    private int ReadSize(int sizeClass, int minBytesPerItem)
    {
        long size = sizeClass switch
        {
            0 => ReadByte(),
            1 => BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            2 => BinaryPrimitives.ReadUInt32BigEndian(Take(4)),
            _ => throw new BoltProtocolException("Bad size class."),
        };
        if (size * minBytesPerItem > Remaining)
        {
            throw new BoltProtocolException($"Declared size {size} exceeds the {Remaining} bytes left.");
        }

        return (int)size;
    }

    private string ReadUtf8(int length)
    {
        var bytes = Take(length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new BoltProtocolException("String is not valid UTF-8.", e);
        }
    }

    private byte ReadByte() => _pos < _data.Length
        ? _data[_pos++]
        : throw new BoltProtocolException("Truncated PackStream value.");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new BoltProtocolException($"Truncated PackStream value: needs {count} bytes, {Remaining} left.");
        }

        var slice = _data.Slice(_pos, count);
        _pos += count;
        return slice;
    }
}
