namespace GraphAttn.Neo4j.Driver;

/// <summary>Per-session settings.</summary>
public sealed record SessionConfig
{
    /// <summary>Database name; null uses the server's home/default database.</summary>
    public string? Database { get; init; }

    /// <summary>Default access mode for auto-commit queries and explicit transactions (default Write).</summary>
    public AccessMode DefaultAccessMode { get; init; } = AccessMode.Write;

    /// <summary>Bookmarks to wait for before the first query (causal consistency across sessions).</summary>
    public IReadOnlyList<string> Bookmarks { get; init; } = [];

    /// <summary>Records per PULL; null uses <see cref="DriverConfig.FetchSize"/>.</summary>
    public long? FetchSize { get; init; }
}
