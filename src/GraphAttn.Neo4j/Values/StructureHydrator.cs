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
        StructureSignature.Node => Expect(f, 4, "Node") is var n
            ? new Node(L(n[0]), Strings(n[1]), Map(n[2]), OptS(n[3])) : null!,
        StructureSignature.Relationship => Expect(f, 8, "Relationship") is var r
            ? new Relationship(L(r[0]), L(r[1]), L(r[2]), S(r[3]), Map(r[4]), OptS(r[5]), OptS(r[6]), OptS(r[7]))
            : null!,
        StructureSignature.UnboundRelationship => Expect(f, 4, "UnboundRelationship") is var u
            ? new UnboundRelationship(L(u[0]), S(u[1]), Map(u[2]), OptS(u[3])) : null!,
        StructureSignature.Path => Expect(f, 3, "Path") is var p
            ? new GraphPath(ListOf<Node>(p[0]), ListOf<UnboundRelationship>(p[1]), Longs(p[2])) : null!,
        StructureSignature.Date => new LocalDate(L(Expect(f, 1, "Date")[0])),
        StructureSignature.Time => Expect(f, 2, "Time") is var t ? new OffsetTime(L(t[0]), L(t[1])) : null!,
        StructureSignature.LocalTime => new LocalTime(L(Expect(f, 1, "LocalTime")[0])),
        StructureSignature.DateTime => Expect(f, 3, "DateTime") is var d
            ? new OffsetDateTime(L(d[0]), L(d[1]), L(d[2])) : null!,
        StructureSignature.DateTimeZoneId => Expect(f, 3, "DateTimeZoneId") is var z
            ? new ZonedDateTime(L(z[0]), L(z[1]), S(z[2])) : null!,
        StructureSignature.LocalDateTime => Expect(f, 2, "LocalDateTime") is var ld
            ? new LocalDateTime(L(ld[0]), L(ld[1])) : null!,
        StructureSignature.Duration => Expect(f, 4, "Duration") is var du
            ? new Duration(L(du[0]), L(du[1]), L(du[2]), L(du[3])) : null!,
        StructureSignature.Point2D => Expect(f, 3, "Point2D") is var p2
            ? new Point2D(L(p2[0]), D(p2[1]), D(p2[2])) : null!,
        StructureSignature.Point3D => Expect(f, 4, "Point3D") is var p3
            ? new Point3D(L(p3[0]), D(p3[1]), D(p3[2]), D(p3[3])) : null!,
        _ => new UnknownStructure(signature, f),
    };

    private static object?[] Expect(object?[] fields, int count, string name) => fields.Length == count
        ? fields
        : throw new BoltProtocolException($"{name} structure has {fields.Length} fields, expected {count}.");

    private static long L(object? v) => v as long? ?? throw Bad("integer", v);

    private static double D(object? v) => v as double? ?? throw Bad("float", v);

    private static string S(object? v) => v as string ?? throw Bad("string", v);

    private static string? OptS(object? v) => v is null ? null : S(v);

    private static IReadOnlyDictionary<string, object?> Map(object? v) =>
        v as IReadOnlyDictionary<string, object?> ?? throw Bad("map", v);

    private static List<string> Strings(object? v) => ListOf<string>(v);

    private static List<long> Longs(object? v) => ListOf<long>(v);

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
