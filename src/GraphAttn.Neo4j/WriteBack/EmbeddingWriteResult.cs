namespace GraphAttn.Neo4j.WriteBack;

/// <summary>Outcome of <see cref="EmbeddingWriter.WriteAsync"/>.</summary>
/// <param name="Requested">Vectors handed in.</param>
/// <param name="Updated">Nodes whose property was set (ids not found in Neo4j are not created).</param>
/// <param name="Batches">Write transactions committed.</param>
/// <param name="Dimensions">Vector length, as declared on the index.</param>
public sealed record EmbeddingWriteResult(long Requested, long Updated, int Batches, int Dimensions)
{
    /// <summary>Ids that matched no node.</summary>
    public long Missing => Requested - Updated;
}
