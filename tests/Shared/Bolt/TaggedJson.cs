using System.Buffers.Binary;
using System.Text.Json.Nodes;
using GraphAttn.Neo4j.Values;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// The tagged JSON form shared with js/packstream-oracle.js, so values cross the language boundary without
/// JSON's number ambiguity: {i:"decimal"}, {f:"IEEE bits hex"}, {s}, {b:hex}, {l:[..]}, {m:[[k,v]..] sorted},
/// {S:signature, F:[..]}.
/// </summary>
internal static class TaggedJson
{
    public static JsonNode? FromValue(object? value) => FromValue(value, sortMaps: true);

    /// <summary>Tagged form; <paramref name="sortMaps"/> false keeps insertion order so JS packs maps identically.</summary>
    public static JsonNode? FromValue(object? value, bool sortMaps) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => new JsonObject { ["i"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        int i => FromValue((long)i, sortMaps),
        double d => new JsonObject { ["f"] = Bits(d) },
        string s => new JsonObject { ["s"] = s },
        byte[] bytes => new JsonObject { ["b"] = Convert.ToHexStringLower(bytes) },
        IPackStreamStructure st => new JsonObject
        {
            ["S"] = st.Signature,
            ["F"] = new JsonArray(st.Fields.Select(f => FromValue(f, sortMaps)).ToArray()),
        },
        IReadOnlyDictionary<string, object?> map => new JsonObject
        {
            ["m"] = new JsonArray((sortMaps ? map.OrderBy(kv => kv.Key, StringComparer.Ordinal) : map.AsEnumerable())
                .Select(kv => (JsonNode?)new JsonArray(JsonValue.Create(kv.Key), FromValue(kv.Value, sortMaps))).ToArray()),
        },
        System.Collections.IEnumerable list => new JsonObject
        {
            ["l"] = new JsonArray(list.Cast<object?>().Select(x => FromValue(x, sortMaps)).ToArray()),
        },
        _ => throw new ArgumentException("no tagged form for " + value.GetType()),
    };

    public static object? ToValue(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            return v.GetValue<bool>();
        }

        var o = node.AsObject();
        if (o["i"] is { } i) return long.Parse((string)i!, System.Globalization.CultureInfo.InvariantCulture);
        if (o["f"] is { } f) return BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Convert.FromHexString((string)f!)));
        if (o["s"] is { } s) return (string)s!;
        if (o["b"] is { } b) return Convert.FromHexString((string)b!);
        if (o["l"] is { } l) return l.AsArray().Select(ToValue).ToArray();
        if (o["m"] is { } m) return m.AsArray().ToDictionary(kv => (string)kv![0]!, kv => ToValue(kv![1]));
        return new UnknownStructure((byte)(int)o["S"]!, o["F"]!.AsArray().Select(ToValue).ToArray());
    }

    private static string Bits(double d)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, d);
        return Convert.ToHexStringLower(bytes);
    }
}
