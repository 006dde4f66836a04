namespace GraphAttn.Seeds.Planting;

/// <summary>The kinds the generator emits, their share of interactions and their weight column value.</summary>
internal static class InteractionKinds
{
    /// <summary>Names as written in interactions.csv (the loader's InteractionKind, lower case).</summary>
    public static readonly string[] Names = ["view", "like", "comment", "share"];

    /// <summary>Weight written for each kind: stronger engagement, larger weight.</summary>
    public static readonly float[] Weights = [1f, 2f, 3f, 4f];

    /// <summary>Cumulative shares: 62% view, 24% like, 9% comment, 5% share.</summary>
    private static readonly double[] CumulativeShare = [0.62, 0.86, 0.95, 1.0];

    public static byte Sample(Randomness.SeedRandom random)
    {
        var r = random.NextDouble();
        byte k = 0;
        while (k < CumulativeShare.Length - 1 && r >= CumulativeShare[k]) k++;
        return k;
    }
}
