using System.Globalization;
using System.Text;
using GraphAttn.Ranking.Evaluators;
using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Evaluation.Reports;

/// <summary>
/// The human-readable report: per task, a table of the headline metrics (Recall, NDCG, Hit, MRR at every K, and
/// AUC for friends) and a second table of Precision, MAP, ItemCoverage and AveragePopularity at the largest K with
/// timings. Values have four decimals, as in RecBole's tables.
/// </summary>
public static class MarkdownReport
{
    private static readonly MetricKind[] Headline = [MetricKind.Recall, MetricKind.Ndcg, MetricKind.Hit, MetricKind.Mrr];
    private static readonly MetricKind[] More = [MetricKind.Precision, MetricKind.Map, MetricKind.ItemCoverage, MetricKind.AveragePopularity];

    /// <summary>Renders the report as Markdown.</summary>
    public static string Render(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine($"Dataset: {report.Dataset}  ").AppendLine($"Graph: {report.Graph}  ");
        sb.AppendLine($"Split: {report.Split}  ").AppendLine(Invariant($"Run time: {report.Seconds:F1} s (loading excluded)"));
        var ks = report.Ks.Order().ToArray();
        foreach (var task in report.Results.Select(r => r.Task).Distinct())
        {
            var rows = report.ForTask(task).ToList();
            var users = rows.Count > 0 ? rows[0].Users : 0;
            sb.AppendLine().AppendLine($"### {task} ({users} test users, full ranking)").AppendLine();
            var headline = ks.SelectMany(k => Headline.Select(m => new MetricKey(m, k).ToString())).ToList();
            if (rows.Any(r => r.Metrics.ContainsKey("AUC"))) headline.Add("AUC");
            Table(sb, rows, headline, extra: null);
            sb.AppendLine();
            var more = More.Select(m => new MetricKey(m, ks[^1]).ToString()).ToList();
            Table(sb, rows, more, extra: r => Invariant($" {r.FitSeconds:F1} | {r.Seconds:F1} |"));
        }
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, List<MethodResult> rows, List<string> columns, Func<MethodResult, string>? extra)
    {
        sb.Append("| Method | ").Append(string.Join(" | ", columns)).Append(" |");
        if (extra is not null) sb.Append(" fit s | rank s |");
        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(columns.Select(_ => "---:|")));
        if (extra is not null) sb.Append("---:|---:|");
        sb.AppendLine();
        foreach (var r in rows)
        {
            sb.Append($"| {r.Method} | ");
            sb.Append(string.Join(" | ", columns.Select(c => r.Metrics.TryGetValue(c, out var v) ? Format(v) : "")));
            sb.Append(" |");
            if (extra is not null) sb.Append(extra(r));
            sb.AppendLine();
        }
    }

    private static string Format(double v) =>
        Math.Abs(v) >= 100 ? v.ToString("F1", CultureInfo.InvariantCulture) : v.ToString("F4", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
