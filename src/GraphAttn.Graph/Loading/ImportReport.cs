namespace GraphAttn.Graph.Loading;

/// <summary>Rows an import read but could not keep (the dataset's own inconsistencies), so they are visible.</summary>
public sealed class ImportReport
{
    /// <summary>Rows skipped, by reason; e.g. "tag assignment of an artist missing from artists.dat" -> 1538.</summary>
    public Dictionary<string, int> Skipped { get; } = [];

    /// <summary>Counts one skipped row under <paramref name="reason"/>.</summary>
    public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;

    /// <inheritdoc />
    public override string ToString() =>
        Skipped.Count == 0 ? "nothing skipped" : string.Join("; ", Skipped.Select(kv => $"{kv.Value} {kv.Key}"));
}
