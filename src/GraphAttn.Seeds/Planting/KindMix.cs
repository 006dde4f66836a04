namespace GraphAttn.Seeds.Planting;

/// <summary>
/// The generator's mix of interaction kinds (view, like, comment, share: the first four <see cref="Graph.InteractionKind"/>
/// values) and the weight column it writes for each.
/// </summary>
internal static class KindMix
{
    /// <summary>Weight written for each kind: stronger engagement, larger weight.</summary>
    public static readonly float[] Weights = [1f, 2f, 3f, 4f];

    /// <summary>Cumulative shares: 62% view, 24% like, 9% comment, 5% share.</summary>
    private static readonly double[] CumulativeShare = [0.62, 0.86, 0.95, 1.0];

    /// <summary>A kind drawn with the shares above (its <see cref="Graph.InteractionKind"/> value).</summary>
    public static byte Sample(Randomness.SeedRandom random)
    {
        var r = random.NextDouble();
        byte k = 0;
        while (k < CumulativeShare.Length - 1 && r >= CumulativeShare[k]) k++;
        return k;
    }
}
