namespace GraphAttn.Graph.Splits;

/// <summary>Constants shared by splits, methods and the command, kept in one place.</summary>
public static class SplitDefaults
{
    /// <summary>Seed of every random choice unless overridden: 2026.</summary>
    public const int Seed = 2026;

    /// <summary>RecBole's random split ratios: 8:1:1 train / validation / test, per user.</summary>
    public static readonly double[] RandomRatios = [0.8, 0.1, 0.1];

    /// <summary>Share of friendships held out for friend recommendation: 10%.</summary>
    public const double HeldOutFollowShare = 0.1;
}
