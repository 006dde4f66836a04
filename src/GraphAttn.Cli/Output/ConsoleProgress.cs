using GraphAttn.Ranking.Evaluators;

namespace GraphAttn.Cli.Output;

/// <summary>
/// Progress with ETA on a text writer (stderr): rewrites one line on a terminal, and prints at most one line per
/// quarter otherwise, so CI logs stay short.
/// </summary>
public sealed class ConsoleProgress(TextWriter writer, bool interactive) : IProgress<EvalProgress>
{
    private readonly Lock _gate = new();
    private int _lastQuarter = -1;
    private string _method = "";

    /// <inheritdoc />
    public void Report(EvalProgress value)
    {
        lock (_gate)
        {
            if (value.Method != _method) { _method = value.Method; _lastQuarter = -1; }
            var eta = value.Eta is { } e ? $"{e.TotalSeconds:F0} s left" : "";
            var line = $"{value.Method}: {value.Done}/{value.Total} users, {value.Elapsed.TotalSeconds:F1} s, {eta}";
            if (interactive)
            {
                writer.Write($"\r{line,-80}");
                if (value.Done == value.Total) writer.WriteLine();
                return;
            }
            var quarter = value.Done * 4 / Math.Max(1, value.Total);
            if (quarter == _lastQuarter) return;
            _lastQuarter = quarter;
            writer.WriteLine(line);
        }
    }
}
