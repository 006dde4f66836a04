using GraphAttn.Graph.Splits;
namespace GraphAttn.Ranking.Evaluators;

/// <summary>Settings of a full-ranking pass.</summary>
public sealed record EvaluatorOptions
{
    /// <summary>Cut-offs K; default 10 and 20. Each must be >= 1.</summary>
    public IReadOnlyList<int> Ks { get; init; } = [10, 20];

    /// <summary>Users ranked in parallel; default the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Non-edges sampled per held-out edge for AUC; default 10.</summary>
    public int AucNegativesPerPositive { get; init; } = 10;

    /// <summary>Seed of the AUC non-edge sampling; default 2026 (fixed so runs repeat exactly).</summary>
    public int Seed { get; init; } = SplitDefaults.Seed;
}
