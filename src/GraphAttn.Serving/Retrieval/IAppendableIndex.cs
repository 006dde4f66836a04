namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// An index that takes more rows after it was built, numbered after the existing ones: how content created after the
/// snapshot joins retrieval without a rebuild (an HNSW build of a million rows takes tens of minutes).
/// </summary>
public interface IAppendableIndex : IVectorIndex
{
    /// <summary>Appends <paramref name="vectors"/> in order; returns the row number of the first. Safe during searches.</summary>
    int Append(IReadOnlyList<float[]> vectors);
}
