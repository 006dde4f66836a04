namespace GraphAttn.Neo4j.Driver;

/// <summary>What the server said when a result finished.</summary>
/// <param name="Metadata">The final SUCCESS metadata (<c>bookmark</c>, <c>type</c>, <c>t_last</c>, <c>db</c>, <c>stats</c>...).</param>
public sealed record ResultSummary(IReadOnlyDictionary<string, object?> Metadata)
{
    /// <summary>Query type: r, w, rw or s.</summary>
    public string? QueryType => Metadata.GetValueOrDefault("type") as string;

    /// <summary>Database the query ran against.</summary>
    public string? Database => Metadata.GetValueOrDefault("db") as string;

    /// <summary>Bookmark after an auto-commit query (null inside explicit transactions).</summary>
    public string? Bookmark => Metadata.GetValueOrDefault("bookmark") as string;

    /// <summary>Update counters (<c>nodes-created</c>, <c>properties-set</c>...); empty for reads.</summary>
    public IReadOnlyDictionary<string, object?> Counters =>
        Metadata.GetValueOrDefault("stats") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
