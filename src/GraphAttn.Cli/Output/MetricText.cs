using System.Globalization;

namespace GraphAttn.Cli.Output;

/// <summary>Metrics as one line: the Recall and NDCG entries, four decimals, invariant culture.</summary>
internal static class MetricText
{
    public static string Format(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(", ", metrics.Where(m => m.Key.StartsWith("Recall", StringComparison.Ordinal) || m.Key.StartsWith("NDCG", StringComparison.Ordinal))
            .Select(m => $"{m.Key} {m.Value.ToString("F4", CultureInfo.InvariantCulture)}"));
}
