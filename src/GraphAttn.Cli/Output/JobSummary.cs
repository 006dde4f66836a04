using System.Diagnostics;
using System.Text.Json;

namespace GraphAttn.Cli.Output;

/// <summary>
/// The last line a batch job (train, embed, embed merge) prints: one JSON object with the job, "ok" or "failed", the
/// seconds it ran and what it produced or why it failed, so a CronJob's log can be alerted on by a log pipeline
/// without parsing prose. The exit code agrees: 0 for "ok", 1 for "failed".
/// </summary>
internal static class JobSummary
{
    /// <summary>Prints the success line; returns 0.</summary>
    public static int Ok(TextWriter output, string job, Stopwatch clock, params (string Key, object? Value)[] fields) =>
        Write(output, job, "ok", clock, fields, 0);

    /// <summary>Prints the failure line with <paramref name="problem"/>; returns 1.</summary>
    public static int Failed(TextWriter output, string job, Stopwatch clock, string problem) =>
        Write(output, job, "failed", clock, [("error", problem)], 1);

    private static int Write(TextWriter output, string job, string status, Stopwatch clock, (string Key, object? Value)[] fields, int exit)
    {
        var line = new Dictionary<string, object?>
        {
            ["job"] = job,
            ["status"] = status,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
            ["finished_at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in fields) line[key] = value;
        output.WriteLine(JsonSerializer.Serialize(line));
        return exit;
    }
}
