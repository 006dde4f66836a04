namespace GraphAttn.Neo4j.Values;

/// <summary>Point2D (0x58): coordinate reference system id (e.g. 7203 cartesian, 4326 WGS-84) and x, y.</summary>
public sealed record Point2D(long Srid, double X, double Y) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Point2D;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Srid, X, Y];
}

/// <summary>Point3D (0x59): coordinate reference system id (e.g. 9157 cartesian-3d) and x, y, z.</summary>
public sealed record Point3D(long Srid, double X, double Y, double Z) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Point3D;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Srid, X, Y, Z];
}
