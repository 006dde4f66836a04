using System.Globalization;
using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Evaluation.Reports;

/// <summary>
/// A <c>--fail-below</c> threshold: <c>METRIC=VALUE</c> applies to every evaluated method that reports the metric;
/// <c>METHOD:METRIC=VALUE</c> to one method. Example: <c>bpr:NDCG@10=0.15</c>.
/// </summary>
public sealed record QualityGate(string? Method, MetricKey Metric, double Minimum)
{
    /// <summary>Parses a gate.</summary>
    /// <exception cref="FormatException">With the offending text and the expected form.</exception>
    public static QualityGate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.LastIndexOf('=');
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var min))
            throw new FormatException($"--fail-below '{text}': expected [METHOD:]METRIC=VALUE, e.g. Recall@10=0.15");
        var left = text[..eq];
        var colon = left.IndexOf(':', StringComparison.Ordinal);
        var method = colon < 0 ? null : left[..colon];
        return new QualityGate(method, MetricKey.Parse(colon < 0 ? left : left[(colon + 1)..]), min);
    }

    /// <summary>Failure messages for every result below the minimum; empty when the gate holds.</summary>
    /// <remarks>A gate that matches no result fails too, so a typo cannot silently pass a pipeline.</remarks>
    public IReadOnlyList<string> Check(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = Metric.ToString();
        var matched = report.Results
            .Where(r => Method is null || string.Equals(r.Method, Method, StringComparison.OrdinalIgnoreCase))
            .Where(r => r.Metrics.ContainsKey(name))
            .ToList();
        if (matched.Count == 0) return [$"{this}: no evaluated method reports {name}"];
        return [.. matched.Where(r => !(r.Metrics[name] >= Minimum))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Method} {name} = {r.Metrics[name]:F4} is below {Minimum}"))];
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Method is null ? "" : Method + ":")}{Metric}={Minimum}");
}
