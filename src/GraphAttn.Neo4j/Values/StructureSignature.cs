namespace GraphAttn.Neo4j.Values;

/// <summary>Signature bytes of the value structures defined by Bolt 5.</summary>
public static class StructureSignature
{
    /// <summary>Node, 'N'.</summary>
    public const byte Node = 0x4E;
    /// <summary>Relationship, 'R'.</summary>
    public const byte Relationship = 0x52;
    /// <summary>UnboundRelationship, 'r'.</summary>
    public const byte UnboundRelationship = 0x72;
    /// <summary>Path, 'P'.</summary>
    public const byte Path = 0x50;
    /// <summary>Date, 'D'.</summary>
    public const byte Date = 0x44;
    /// <summary>Time with offset, 'T'.</summary>
    public const byte Time = 0x54;
    /// <summary>LocalTime, 't'.</summary>
    public const byte LocalTime = 0x74;
    /// <summary>DateTime with offset (UTC based, Bolt 5), 'I'.</summary>
    public const byte DateTime = 0x49;
    /// <summary>DateTime with zone id (UTC based, Bolt 5), 'i'.</summary>
    public const byte DateTimeZoneId = 0x69;
    /// <summary>LocalDateTime, 'd'.</summary>
    public const byte LocalDateTime = 0x64;
    /// <summary>Duration, 'E'.</summary>
    public const byte Duration = 0x45;
    /// <summary>Point2D, 'X'.</summary>
    public const byte Point2D = 0x58;
    /// <summary>Point3D, 'Y'.</summary>
    public const byte Point3D = 0x59;
}
