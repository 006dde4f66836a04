using GraphAttn.Neo4j.Errors;

namespace GraphAttn.Neo4j.Values;

/// <summary>
/// Turns a decoded (signature, fields) pair into the typed value. A known signature with the wrong field count
/// or field types is a protocol error; an unknown signature becomes <see cref="UnknownStructure"/>.
/// </summary>
internal static class StructureHydrator
{
    public static object Hydrate(byte signature, object?[] f) => signature switch
    {
        StructureSignature.Node when Has(f, 4, "Node") => new Node(L(f[0]), ListOf<string>(f[1]), Map(f[2]), OptS(f[3])),
        StructureSignature.Relationship when Has(f, 8, "Relationship") =>
            new Relationship(L(f[0]), L(f[1]), L(f[2]), S(f[3]), Map(f[4]), OptS(f[5]), OptS(f[6]), OptS(f[7])),
        StructureSignature.UnboundRelationship when Has(f, 4, "UnboundRelationship") =>
            new UnboundRelationship(L(f[0]), S(f[1]), Map(f[2]), OptS(f[3])),
        StructureSignature.Path when Has(f, 3, "Path") =>
            new GraphPath(ListOf<Node>(f[0]), ListOf<UnboundRelationship>(f[1]), ListOf<long>(f[2])),
        StructureSignature.Date when Has(f, 1, "Date") => new LocalDate(L(f[0])),
        StructureSignature.Time when Has(f, 2, "Time") => new OffsetTime(L(f[0]), L(f[1])),
        StructureSignature.LocalTime when Has(f, 1, "LocalTime") => new LocalTime(L(f[0])),
        StructureSignature.DateTime when Has(f, 3, "DateTime") => new OffsetDateTime(L(f[0]), L(f[1]), L(f[2])),
        StructureSignature.DateTimeZoneId when Has(f, 3, "DateTimeZoneId") => new ZonedDateTime(L(f[0]), L(f[1]), S(f[2])),
        StructureSignature.LocalDateTime when Has(f, 2, "LocalDateTime") => new LocalDateTime(L(f[0]), L(f[1])),
        StructureSignature.Duration when Has(f, 4, "Duration") => new Duration(L(f[0]), L(f[1]), L(f[2]), L(f[3])),
        StructureSignature.Point2D when Has(f, 3, "Point2D") => new Point2D(L(f[0]), D(f[1]), D(f[2])),
        StructureSignature.Point3D when Has(f, 4, "Point3D") => new Point3D(L(f[0]), D(f[1]), D(f[2]), D(f[3])),
        _ => new UnknownStructure(signature, f),
    };

    // A guard that never says no: a known signature with the wrong field count is malformed, not unknown.
    private static bool Has(object?[] fields, int count, string name) => fields.Length == count
        ? true
        : throw new BoltProtocolException($"{name} structure has {fields.Length} fields, expected {count}.");

    private static long L(object? v) => v as long? ?? throw Bad("integer", v);

    private static double D(object? v) => v as double? ?? throw Bad("float", v);

    private static string S(object? v) => v as string ?? throw Bad("string", v);

    private static string? OptS(object? v) => v is null ? null : S(v);

    private static IReadOnlyDictionary<string, object?> Map(object? v) =>
        v as IReadOnlyDictionary<string, object?> ?? throw Bad("map", v);

    private static List<T> ListOf<T>(object? v)
    {
        if (v is not IReadOnlyList<object?> items)
        {
            throw Bad("list", v);
        }

        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            result.Add(item is T typed ? typed : throw Bad(typeof(T).Name, item));
        }

        return result;
    }

    private static BoltProtocolException Bad(string expected, object? got) =>
        new($"Malformed structure field: expected {expected}, got {got?.GetType().Name ?? "null"}.");
}
