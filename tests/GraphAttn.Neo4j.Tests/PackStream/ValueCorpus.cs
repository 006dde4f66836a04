using GraphAttn.Neo4j.Values;

namespace GraphAttn.Neo4j.Tests.PackStream;

/// <summary>Values that exercise every PackStream type and every size boundary of its encodings.</summary>
internal static class ValueCorpus
{
    private static readonly Dictionary<string, object?> Props = new() { ["name"] = "Ada", ["age"] = 36L };

    public static IReadOnlyList<object?> All() =>
    [
        null, true, false,
        0L, 1L, -1L, -16L, -17L, 127L, 128L, -128L, -129L, 32767L, 32768L, -32768L, -32769L,
        int.MaxValue, (long)int.MaxValue + 1, int.MinValue, (long)int.MinValue - 1, long.MaxValue, long.MinValue,
        0.0, -0.0, 1.23, -1e300, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        "", "a", new string('x', 15), new string('y', 16), new string('z', 255), new string('w', 256),
        new string('v', 65535), new string('u', 65536), "héllo wörld ✓ 𝄞 日本語",
        Array.Empty<byte>(), new byte[] { 1, 2, 255 }, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        new byte[70_000],
        Array.Empty<object?>(), Enumerable.Range(0, 15).Select(i => (object?)(long)i).ToArray(),
        Enumerable.Range(0, 16).Select(i => (object?)(long)i).ToArray(),
        Enumerable.Range(0, 70_000).Select(i => (object?)(long)(i * 7919)).ToArray(),
        new object?[] { 1L, "two", 3.0, null, new object?[] { true, new Dictionary<string, object?> { ["k"] = "v" } } },
        new Dictionary<string, object?>(), Props,
        Enumerable.Range(0, 16).ToDictionary(i => "key" + i, i => (object?)(long)i),
        Enumerable.Range(0, 300).ToDictionary(i => "k" + i, i => (object?)("v" + i)),
        new Node(1, ["User"], new Dictionary<string, object?>(), "4:x:1"),
        new Node(42, ["User", "Admin"], Props, "4:db:42"),
        new Relationship(7, 1, 42, "FOLLOWS", Props, "5:db:7", "4:db:1", "4:db:42"),
        new UnboundRelationship(7, "FOLLOWS", new Dictionary<string, object?>(), "5:db:7"),
        new GraphPath([new Node(1, ["A"], Props, "a"), new Node(2, ["B"], Props, "b")],
            [new UnboundRelationship(9, "R", Props, "r")], [1L, 1L]),
        new LocalDate(19_000), new LocalDate(-1), new OffsetTime(3_600_000_000_000, 7200), new LocalTime(86_399_999_999_999),
        new OffsetDateTime(1_700_000_000, 123_456_789, -18000), new ZonedDateTime(1_700_000_000, 5, "Europe/Berlin"),
        new LocalDateTime(-86_400, 999_999_999), new Duration(14, 3, 3661, 500),
        new Point2D(7203, 1.5, -2.25), new Point2D(4326, 13.4, 52.5), new Point3D(9157, 1, 2, 3),
        new UnknownStructure(0x7A, ["future", 1L]),
    ];
}
