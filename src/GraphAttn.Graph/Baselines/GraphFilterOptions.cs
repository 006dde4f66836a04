namespace GraphAttn.Graph.Baselines;

/// <summary>Settings of <see cref="GraphFilter"/>. The linear part has none; these shape the optional low-pass part.</summary>
public sealed record GraphFilterOptions
{
    /// <summary>
    /// Rank k of the ideal low-pass part: the top-k right singular vectors of the normalised matrix R̃ (default 0 = the
    /// linear filter alone). GF-CF uses 256.
    /// </summary>
    public int LowPassRank { get; init; }

    /// <summary>Weight α of the low-pass part next to the linear filter (default 0.3, GF-CF's value).</summary>
    public float LowPassWeight { get; init; } = 0.3f;

    /// <summary>Subspace (power) iterations of the randomised SVD (default 4; more is closer to the exact basis).</summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Extra random directions the randomised SVD carries beyond k (default 16).</summary>
    public int Oversampling { get; init; } = 16;

    /// <summary>Seed of the randomised SVD's starting directions (default 2026).</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (LowPassRank < 0) throw new ArgumentException($"LowPassRank must not be negative, got {LowPassRank}");
        if (!(LowPassWeight >= 0)) throw new ArgumentException($"LowPassWeight must not be negative, got {LowPassWeight}");
        if (PowerIterations < 0) throw new ArgumentException($"PowerIterations must not be negative, got {PowerIterations}");
        if (Oversampling < 0) throw new ArgumentException($"Oversampling must not be negative, got {Oversampling}");
    }
}
