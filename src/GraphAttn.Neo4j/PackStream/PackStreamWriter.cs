using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Text;
using GraphAttn.Neo4j.Values;

namespace GraphAttn.Neo4j.PackStream;

/// <summary>
/// Encodes PackStream v1 into a growing buffer, integers in their smallest form. Accepts null, bool, all
/// integer types, float/double, string, byte[], float[] (as a list of floats), dictionaries with string keys,
/// other enumerables (as lists) and <see cref="IPackStreamStructure"/>; anything else throws
/// <see cref="ArgumentException"/> naming the type.
/// </summary>
internal sealed class PackStreamWriter(int initialCapacity = 256)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(initialCapacity);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>Forgets what was written so the buffer can be reused for the next message.</summary>
    public void Clear() => _buffer.ResetWrittenCount();

    /// <summary>Writes one value of any supported type.</summary>
    public void Write(object? value)
    {
        switch (value)
        {
            case null: WriteByte(Marker.Null); break;
            case bool b: WriteByte(b ? Marker.True : Marker.False); break;
            case long l: WriteInteger(l); break;
            case int i: WriteInteger(i); break;
            case short s: WriteInteger(s); break;
            case sbyte sb: WriteInteger(sb); break;
            case byte ub: WriteInteger(ub); break;
            case ushort us: WriteInteger(us); break;
            case uint ui: WriteInteger(ui); break;
            case double d: WriteFloat(d); break;
            case float f: WriteFloat(f); break;
            case string str: WriteString(str); break;
            case byte[] bytes: WriteBytes(bytes); break;
            case float[] floats: WriteFloatList(floats); break;
            case IPackStreamStructure st: WriteStructure(st.Signature, st.Fields); break;
            case IReadOnlyDictionary<string, object?> map: WriteMap(map); break;
            case IDictionary<string, object?> map: WriteMap(map); break;
            case IEnumerable list: WriteList(list); break;
            default: throw new ArgumentException($"PackStream cannot encode a value of type {value.GetType()}.");
        }
    }

    /// <summary>Writes an integer in the smallest encoding that holds it.</summary>
    public void WriteInteger(long v)
    {
        if (v is >= -16 and <= 127)
        {
            WriteByte((byte)v);
        }
        else if (v is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            WriteByte(Marker.Int8);
            WriteByte((byte)v);
        }
        else if (v is >= short.MinValue and <= short.MaxValue)
        {
            WriteByte(Marker.Int16);
            BinaryPrimitives.WriteInt16BigEndian(Grab(2), (short)v);
        }
        else if (v is >= int.MinValue and <= int.MaxValue)
        {
            WriteByte(Marker.Int32);
            BinaryPrimitives.WriteInt32BigEndian(Grab(4), (int)v);
        }
        else
        {
            WriteByte(Marker.Int64);
            BinaryPrimitives.WriteInt64BigEndian(Grab(8), v);
        }
    }

    /// <summary>Writes a 64-bit float.</summary>
    public void WriteFloat(double v)
    {
        WriteByte(Marker.Float64);
        BinaryPrimitives.WriteDoubleBigEndian(Grab(8), v);
    }

    /// <summary>Writes a UTF-8 string.</summary>
    public void WriteString(string s)
    {
        var length = Encoding.UTF8.GetByteCount(s);
        WriteHeader(length, Marker.TinyStringBase, Marker.String8);
        Encoding.UTF8.GetBytes(s, Grab(length));
    }

    /// <summary>Writes a byte array.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteHeader(bytes.Length, tinyBase: null, Marker.Bytes8);
        bytes.CopyTo(Grab(bytes.Length));
    }

    /// <summary>Writes a list header; the caller writes <paramref name="count"/> items next.</summary>
    public void WriteListHeader(int count) => WriteHeader(count, Marker.TinyListBase, Marker.List8);

    /// <summary>Writes a map header; the caller writes <paramref name="count"/> key/value pairs next.</summary>
    public void WriteMapHeader(int count) => WriteHeader(count, Marker.TinyMapBase, Marker.Map8);

    /// <summary>Writes a structure header (at most 15 fields, as Bolt 5 uses).</summary>
    public void WriteStructHeader(int fieldCount, byte signature)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fieldCount, 15);
        WriteByte((byte)(Marker.TinyStructBase | fieldCount));
        WriteByte(signature);
    }

    private void WriteStructure(byte signature, IReadOnlyList<object?> fields)
    {
        WriteStructHeader(fields.Count, signature);
        foreach (var field in fields)
        {
            Write(field);
        }
    }

    private void WriteFloatList(float[] floats)
    {
        WriteListHeader(floats.Length);
        foreach (var f in floats)
        {
            WriteFloat(f);
        }
    }

    private void WriteMap<TMap>(TMap map) where TMap : IEnumerable<KeyValuePair<string, object?>>
    {
        WriteMapHeader(map.Count());
        foreach (var (key, value) in map)
        {
            WriteString(key);
            Write(value);
        }
    }

    private void WriteList(IEnumerable list)
    {
        var items = list.Cast<object?>().ToList();
        WriteListHeader(items.Count);
        foreach (var item in items)
        {
            Write(item);
        }
    }

    // Tiny form for sizes below 16 (strings, lists, maps); then 8/16/32-bit sizes with consecutive markers.
    private void WriteHeader(int size, byte? tinyBase, byte marker8)
    {
        if (tinyBase is { } tiny && size < 16)
        {
            WriteByte((byte)(tiny | size));
        }
        else if (size <= byte.MaxValue)
        {
            WriteByte(marker8);
            WriteByte((byte)size);
        }
        else if (size <= ushort.MaxValue)
        {
            WriteByte((byte)(marker8 + 1));
            BinaryPrimitives.WriteUInt16BigEndian(Grab(2), (ushort)size);
        }
        else
        {
            WriteByte((byte)(marker8 + 2));
            BinaryPrimitives.WriteUInt32BigEndian(Grab(4), (uint)size);
        }
    }

    private void WriteByte(byte b) => Grab(1)[0] = b;

    private Span<byte> Grab(int count)
    {
        var span = _buffer.GetSpan(count)[..count];
        _buffer.Advance(count);
        return span;
    }
}
