namespace GraphAttn.Neo4j.Values;

/// <summary>A node (signature 0x4E). <see cref="ElementId"/> is null on servers older than Bolt 5.</summary>
public sealed record Node(long Id, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties,
    string? ElementId) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Node;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Id, Labels, Properties, ElementId];
}

/// <summary>A relationship with both ends (signature 0x52, 8 fields in Bolt 5).</summary>
public sealed record Relationship(long Id, long StartNodeId, long EndNodeId, string Type,
    IReadOnlyDictionary<string, object?> Properties, string? ElementId, string? StartNodeElementId,
    string? EndNodeElementId) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Relationship;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields =>
        [Id, StartNodeId, EndNodeId, Type, Properties, ElementId, StartNodeElementId, EndNodeElementId];
}

/// <summary>A relationship inside a path, without its ends (signature 0x72).</summary>
public sealed record UnboundRelationship(long Id, string Type, IReadOnlyDictionary<string, object?> Properties,
    string? ElementId) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.UnboundRelationship;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Id, Type, Properties, ElementId];
}

/// <summary>
/// A path (signature 0x50): distinct nodes, distinct relationships, and the index sequence that walks them
/// (relationship index i &gt; 0 means traversed forwards as i-1, &lt; 0 backwards as -i-1; then a node index).
/// </summary>
public sealed record GraphPath(IReadOnlyList<Node> Nodes, IReadOnlyList<UnboundRelationship> Relationships,
    IReadOnlyList<long> Indices) : IPackStreamStructure
{
    /// <inheritdoc />
    public byte Signature => StructureSignature.Path;

    /// <inheritdoc />
    public IReadOnlyList<object?> Fields => [Nodes, Relationships, Indices];
}
