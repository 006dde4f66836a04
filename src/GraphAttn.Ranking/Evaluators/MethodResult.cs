namespace GraphAttn.Ranking.Evaluators;

/// <summary>The averaged metrics of one method on one task.</summary>
/// <param name="Method">Method name, e.g. <c>BPR</c>.</param>
/// <param name="Task">Task name: <c>content</c> or <c>friends</c>.</param>
/// <param name="Users">Number of users evaluated (those with held-out items).</param>
/// <param name="Metrics">Metric name (<c>Recall@10</c>, <c>AUC</c>, ...) to its value, in report order.</param>
/// <param name="Seconds">Wall time of the ranking pass (training excluded).</param>
/// <param name="FitSeconds">Wall time spent training the method before ranking (0 for untrained methods).</param>
public sealed record MethodResult(
    string Method,
    string Task,
    int Users,
    IReadOnlyDictionary<string, double> Metrics,
    double Seconds,
    double FitSeconds = 0);
