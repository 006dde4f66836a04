using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphAttn.Evaluation.Reports;

/// <summary>The machine-readable report: <see cref="EvalReport"/> as indented camelCase JSON (NaN written as "NaN").</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serialises the report.</summary>
    public static string ToJson(EvalReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static EvalReport FromJson(string json) =>
        JsonSerializer.Deserialize<EvalReport>(json, Options) ?? throw new JsonException("report.json holds null");
}
