using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Evaluation.Reports;

/// <summary>Everything one evaluation run measured, as written to report.json.</summary>
/// <param name="Dataset">What was evaluated, e.g. <c>lastfm:../shared/datasets/lastfm-2k</c>.</param>
/// <param name="Graph">Graph counts and fingerprint.</param>
/// <param name="Split">How held-out data was chosen.</param>
/// <param name="Ks">Cut-offs.</param>
/// <param name="Results">One entry per method and task (content, friends).</param>
/// <param name="Seconds">Wall time of the whole run, loading excluded.</param>
/// <param name="CreatedAt">When the run finished (UTC).</param>
public sealed record EvalReport(
    string Dataset,
    string Graph,
    string Split,
    IReadOnlyList<int> Ks,
    IReadOnlyList<MethodResult> Results,
    double Seconds,
    DateTimeOffset CreatedAt)
{
    /// <summary>Results of one task, in run order.</summary>
    public IEnumerable<MethodResult> ForTask(string task) => Results.Where(r => r.Task == task);
}
