namespace GraphAttn.Serving.Retrieval;

/// <summary>
/// Which catalogue rows a search may return: never an excluded row (already seen, already followed, the user
/// themself), and, when an allowed set is given (a topic filter), only its rows. Immutable and thread-safe.
/// </summary>
public sealed class RetrievalFilter
{
    private readonly HashSet<int>? _exclude;
    private readonly HashSet<int>? _allowed;
    private readonly IReadOnlySet<int>? _sharedExclude;

    /// <summary>Creates a filter; null means "no exclusions" / "everything allowed".</summary>
    /// <param name="exclude">Rows never returned.</param>
    /// <param name="allowed">When not null, the only rows that may be returned (an empty set allows nothing).</param>
    /// <param name="sharedExclude">
    /// More rows never returned, from a long-lived set that is not copied (e.g. rows the graph no longer has);
    /// it must not change while the filter is in use.
    /// </param>
    public RetrievalFilter(IEnumerable<int>? exclude = null, IEnumerable<int>? allowed = null, IReadOnlySet<int>? sharedExclude = null)
    {
        _exclude = exclude is null ? null : [.. exclude];
        _sharedExclude = sharedExclude is { Count: > 0 } ? sharedExclude : null;
        if (allowed is not null)
        {
            _allowed = [.. allowed];
            AllowedRows = [.. _allowed.Where(r => !IsExcluded(r)).Order()];
        }
    }

    /// <summary>A filter that accepts every row.</summary>
    public static RetrievalFilter None { get; } = new();

    /// <summary>Number of excluded rows (0 when none).</summary>
    public int ExcludedCount => (_exclude?.Count ?? 0) + (_sharedExclude?.Count ?? 0);

    /// <summary>Allowed rows minus excluded ones, ascending; null when every row is allowed.</summary>
    public int[]? AllowedRows { get; }

    /// <summary>Whether row <paramref name="row"/> may be returned.</summary>
    public bool Accepts(int row) => !IsExcluded(row) && (_allowed is null || _allowed.Contains(row));

    private bool IsExcluded(int row) =>
        (_exclude is not null && _exclude.Contains(row)) || (_sharedExclude is not null && _sharedExclude.Contains(row));
}
