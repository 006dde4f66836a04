namespace GraphAttn.Seeds.Randomness;

/// <summary>
/// xoshiro256** generator seeded through SplitMix64. Its algorithm is fixed here, so the same seed gives the same
/// stream on every runtime and platform (System.Random's algorithm is an implementation detail).
/// </summary>
/// <remarks>Each generation phase gets its own stream, so changing one phase never shifts the draws of another.</remarks>
public sealed class SeedRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates the stream <paramref name="stream"/> of the seed <paramref name="seed"/>.</summary>
    public SeedRandom(long seed, ulong stream = 0)
    {
        var sm = unchecked((ulong)seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>Next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="n"/>); <paramref name="n"/> must be positive.</summary>
    /// <remarks>Multiply-shift on 32 bits: the bias (below n / 2^32) is irrelevant for synthetic data.</remarks>
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Uniform long in [0, <paramref name="n"/>); <paramref name="n"/> must be positive.</summary>
    public long NextLong(long n) => (long)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal draw (Box-Muller; one of the pair is discarded to keep the stream simple).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal draw with mean 1 and log-space spread <paramref name="sigma"/>.</summary>
    public double NextLogNormal(double sigma) => Math.Exp(sigma * NextGaussian() - sigma * sigma / 2);

    /// <summary>Pareto draw with minimum 1 and tail index <paramref name="alpha"/>, capped at <paramref name="cap"/>.</summary>
    public double NextPareto(double alpha, double cap) => Math.Min(cap, Math.Pow(1.0 - NextDouble(), -1.0 / alpha));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
