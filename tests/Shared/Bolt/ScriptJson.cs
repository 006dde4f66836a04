using System.Text.Json;
using System.Text.Json.Nodes;
using GraphAttn.Neo4j.Values;

namespace GraphAttn.Tests.Shared.Bolt;

/// <summary>
/// Plain JSON for stub scripts: integers become long, other numbers double, objects maps, arrays lists, and
/// {"$struct": signature, "fields": [...]} a structure. Rendering sorts map keys so scripts can match exactly.
/// </summary>
internal static class ScriptJson
{
    public static object? Parse(string json) => ToValue(JsonNode.Parse(json));

    public static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonArray a => a.Select(ToValue).ToArray(),
        JsonObject o when o["$struct"] is { } sig => Hydrate((byte)(int)sig, o["fields"]!.AsArray().Select(ToValue).ToArray()),
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToValue(kv.Value)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<long>(out var l) && !v.ToJsonString().Contains('.') => l,
        JsonValue v => v.GetValue<double>(),
        _ => throw new ArgumentException("unexpected JSON node " + node),
    };

    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(object? value) => ToNode(value)?.ToJsonString(Plain) ?? "null";

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        byte[] bytes => new JsonObject { ["$bytes"] = Convert.ToHexStringLower(bytes) },
        IPackStreamStructure st => new JsonObject { ["$struct"] = st.Signature, ["fields"] = new JsonArray(st.Fields.Select(ToNode).ToArray()) },
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, ToNode(kv.Value)))),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => throw new ArgumentException("cannot render " + value.GetType()),
    };

    private static object Hydrate(byte signature, object?[] fields)
    {
        var writer = new Neo4j.PackStream.PackStreamWriter();
        writer.Write(new UnknownStructure(signature, fields));
        return new Neo4j.PackStream.PackStreamReader(writer.WrittenSpan).ReadValue()!;
    }
}
