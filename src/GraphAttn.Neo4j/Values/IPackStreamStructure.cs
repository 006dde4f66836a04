namespace GraphAttn.Neo4j.Values;

/// <summary>A PackStream structure: a one-byte signature followed by a fixed list of fields.</summary>
public interface IPackStreamStructure
{
    /// <summary>The tag byte that says what the fields mean (e.g. 0x4E for Node).</summary>
    byte Signature { get; }

    /// <summary>The fields in wire order, as plain PackStream values.</summary>
    IReadOnlyList<object?> Fields { get; }
}

/// <summary>
/// A structure this client does not know (a newer server type, or a vendor extension). It is passed through
/// to the caller intact instead of failing the whole result.
/// </summary>
/// <param name="Signature">The signature byte as received.</param>
/// <param name="Fields">The fields, decoded as plain values.</param>
public sealed record UnknownStructure(byte Signature, IReadOnlyList<object?> Fields) : IPackStreamStructure;
