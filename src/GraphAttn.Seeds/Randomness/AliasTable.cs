namespace GraphAttn.Seeds.Randomness;

/// <summary>
/// Walker/Vose alias table: O(n) to build, O(1) per draw from a fixed discrete distribution.
/// </summary>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    /// <summary>Builds the table over non-negative <paramref name="weights"/> (at least one positive).</summary>
    /// <exception cref="ArgumentException">Empty weights, a negative or non-finite weight, or all zero.</exception>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0) throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        var total = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException($"Weight {w} is not a finite non-negative number.", nameof(weights));
            total += w;
        }
        if (total <= 0) throw new ArgumentException("All weights are zero.", nameof(weights));

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) small[smallCount++] = i; else large[largeCount++] = i;
        }
        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[--largeCount];
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) small[smallCount++] = l; else large[largeCount++] = l;
        }
        // Leftovers are 1 up to rounding error.
        while (largeCount > 0) _probability[large[--largeCount]] = 1.0;
        while (smallCount > 0) _probability[small[--smallCount]] = 1.0;
    }

    /// <summary>Number of outcomes.</summary>
    public int Count => _probability.Length;

    /// <summary>Draws an outcome index in [0, Count).</summary>
    public int Sample(SeedRandom random)
    {
        var i = random.NextInt(_probability.Length);
        return random.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
