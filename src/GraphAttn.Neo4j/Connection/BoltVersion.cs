namespace GraphAttn.Neo4j.Connection;

/// <summary>A negotiated Bolt protocol version.</summary>
public readonly record struct BoltVersion(int Major, int Minor) : IComparable<BoltVersion>
{
    /// <summary>Versions this client speaks, newest first (5.5 was never released by servers).</summary>
    public static IReadOnlyList<BoltVersion> Supported { get; } =
        [new(6, 0), new(5, 8), new(5, 7), new(5, 6), new(5, 4), new(5, 3), new(5, 2), new(5, 1), new(5, 0)];

    /// <summary>From 5.1 credentials travel in LOGON instead of HELLO.</summary>
    public bool UsesLogon => this >= new BoltVersion(5, 1);

    /// <summary>From 5.3 HELLO carries the structured <c>bolt_agent</c>.</summary>
    public bool SendsBoltAgent => this >= new BoltVersion(5, 3);

    /// <inheritdoc />
    public int CompareTo(BoltVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Orders versions.</summary>
    public static bool operator >=(BoltVersion a, BoltVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Orders versions.</summary>
    public static bool operator <=(BoltVersion a, BoltVersion b) => a.CompareTo(b) <= 0;

    /// <summary>Orders versions.</summary>
    public static bool operator >(BoltVersion a, BoltVersion b) => a.CompareTo(b) > 0;

    /// <summary>Orders versions.</summary>
    public static bool operator <(BoltVersion a, BoltVersion b) => a.CompareTo(b) < 0;

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}";
}
