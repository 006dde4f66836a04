namespace GraphAttn.Ranking.Metrics;

/// <summary>
/// A metric at a cut-off, written like RecBole writes it: <c>Recall@10</c>, <c>NDCG@20</c>, <c>AUC</c> (K = 0).
/// Parsing ignores case.
/// </summary>
public readonly record struct MetricKey(MetricKind Kind, int K)
{
    /// <summary>Per-user metrics computed from each ranked list, in report order.</summary>
    public static readonly MetricKind[] PerUser =
    [
        MetricKind.Recall, MetricKind.Ndcg, MetricKind.Precision, MetricKind.Hit, MetricKind.Mrr, MetricKind.Map,
    ];

    /// <inheritdoc />
    public override string ToString() => Kind == MetricKind.Auc ? "AUC" : $"{Name(Kind)}@{K}";

    /// <summary>Parses <c>recall@10</c>, <c>ndcg@20</c>, <c>auc</c> and the other names in <see cref="MetricKind"/>.</summary>
    /// <exception cref="FormatException">For an unknown name or a missing / non-positive K.</exception>
    public static MetricKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? text : text[..at]).Trim();
        var kind = Enum.GetValues<MetricKind>()
            .Where(k => string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(k.ToString(), name, StringComparison.OrdinalIgnoreCase))
            .Select(k => (MetricKind?)k)
            .FirstOrDefault()
            ?? throw new FormatException(
                $"Unknown metric '{name}' in '{text}'; known: {string.Join(", ", Enum.GetValues<MetricKind>().Select(Name))}.");
        if (kind == MetricKind.Auc)
        {
            return new MetricKey(kind, 0);
        }
        if (at < 0 || !int.TryParse(text[(at + 1)..], out var k) || k < 1)
        {
            throw new FormatException($"Metric '{text}' needs a cut-off K >= 1, like {Name(kind)}@10.");
        }
        return new MetricKey(kind, k);
    }

    /// <summary>Display name as in RecBole's result tables.</summary>
    public static string Name(MetricKind kind) => kind switch
    {
        MetricKind.Ndcg => "NDCG",
        MetricKind.Mrr => "MRR",
        MetricKind.Map => "MAP",
        MetricKind.Auc => "AUC",
        _ => kind.ToString(),
    };
}
