using GraphAttn.Ranking.Metrics;

namespace GraphAttn.Evaluation.Reports;

/// <summary>
/// PNG line plots of a metric against K, one line per method, one file per task and metric
/// (<c>{task}-recall.png</c>, <c>{task}-ndcg.png</c>), 800 x 500 pixels.
/// </summary>
public static class PlotReport
{
    /// <summary>Metrics plotted against K.</summary>
    public static readonly MetricKind[] Plotted = [MetricKind.Recall, MetricKind.Ndcg];

    /// <summary>Writes the plots into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(EvalReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        var ks = report.Ks.Order().ToArray();
        foreach (var task in report.Results.Select(r => r.Task).Distinct())
        {
            foreach (var kind in Plotted)
            {
                var plot = new ScottPlot.Plot();
                foreach (var result in report.ForTask(task))
                {
                    double[] xs = [.. ks.Select(k => (double)k)];
                    double[] ys = [.. ks.Select(k => result.Metrics[new MetricKey(kind, k).ToString()])];
                    var line = plot.Add.Scatter(xs, ys);
                    line.LegendText = result.Method;
                    line.MarkerSize = 7;
                }
                plot.Title($"{task}: {MetricKey.Name(kind)}@K");
                plot.XLabel("K");
                plot.YLabel($"{MetricKey.Name(kind)}@K");
                // Ticks only at the measured cut-offs, and the legend outside the data so no line is hidden.
                plot.Axes.Bottom.SetTicks([.. ks.Select(k => (double)k)], [.. ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                plot.ShowLegend(ScottPlot.Edge.Right);
                var path = Path.Combine(folder, $"{task}-{MetricKey.Name(kind).ToLowerInvariant()}.png");
                plot.SavePng(path, 800, 500);
                paths.Add(path);
            }
        }
        return paths;
    }
}
