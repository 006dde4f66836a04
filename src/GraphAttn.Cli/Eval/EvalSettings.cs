using GraphAttn.Evaluation.Reports;
namespace GraphAttn.Cli.Eval;

/// <summary>The eval command's parsed options (see <see cref="Commands.EvalCommand"/> for their meaning and defaults).</summary>
public sealed record EvalSettings(
    string Dataset,
    string Format,
    string Split,
    string? SaveSplit,
    int Seed,
    IReadOnlyList<string> Methods,
    IReadOnlyList<int> Ks,
    string? Out,
    IReadOnlyList<QualityGate> Gates,
    int Threads,
    string? Live,
    string? Snapshot = null,
    string? ExportTrain = null,
    bool OnValidation = false);
