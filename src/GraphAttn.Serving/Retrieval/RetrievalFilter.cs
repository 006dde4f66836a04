namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Which catalogue rows a search may return: never an excluded row (already seen, already followed, the user
/// themself), and, when an allowed set is given (a topic filter), only its rows. Immutable and thread-safe.
/// </summary>
public sealed class RetrievalFilter
{
    private readonly HashSet<int>? _exclude;
    private readonly HashSet<int>? _allowed;

    /// <summary>Creates a filter; null means "no exclusions" / "everything allowed".</summary>
    /// <param name="exclude">Rows never returned.</param>
    /// <param name="allowed">When not null, the only rows that may be returned (an empty set allows nothing).</param>
    public RetrievalFilter(IEnumerable<int>? exclude = null, IEnumerable<int>? allowed = null)
    {
        _exclude = exclude is null ? null : [.. exclude];
        if (allowed is not null)
        {
            _allowed = [.. allowed];
            AllowedRows = [.. _allowed.Where(r => _exclude is null || !_exclude.Contains(r)).Order()];
        }
    }

    /// <summary>A filter that accepts every row.</summary>
    public static RetrievalFilter None { get; } = new();

    /// <summary>Number of excluded rows (0 when none).</summary>
    public int ExcludedCount => _exclude?.Count ?? 0;

    /// <summary>Allowed rows minus excluded ones, ascending; null when every row is allowed.</summary>
    public int[]? AllowedRows { get; }

    /// <summary>Whether row <paramref name="row"/> may be returned.</summary>
    public bool Accepts(int row) =>
        (_exclude is null || !_exclude.Contains(row)) && (_allowed is null || _allowed.Contains(row));
}
