using System.Diagnostics;
using System.Globalization;
using GraphAttn.Seeds;

namespace GraphAttn.Cli.Output;

/// <summary>Prints one line per stage start and per 25% step, with elapsed seconds; thread-safe.</summary>
internal sealed class ProgressPrinter(TextWriter output, Stopwatch clock) : IProgress<SeedProgress>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _lastQuarter = [];

    public void Report(SeedProgress value)
    {
        var quarter = value.Total <= 0 ? 4 : (int)(4 * value.Done / value.Total);
        lock (_gate)
        {
            if (_lastQuarter.TryGetValue(value.Stage, out var last) && last >= quarter) return;
            _lastQuarter[value.Stage] = quarter;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{clock.Elapsed.TotalSeconds,6:F1} s] {value.Stage,-24} {value.Done,12:N0} / {value.Total:N0}"));
        }
    }
}
