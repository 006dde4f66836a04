using System.Runtime.CompilerServices;

namespace GraphAttn.Model.Attention;

/// <summary>
/// Counter-based dropout mask over (edge, head): the same seed gives the same mask in the forward pass, the backward
/// pass and the reference implementation, so nothing per edge has to be stored.
/// </summary>
public static class AttentionDropout
{
    /// <summary>Keep factor for one coefficient: 0 when dropped, 1/(1-p) when kept, 1 when p is 0.</summary>
    public static float Factor(ulong seed, int edge, int head, int heads, float p)
    {
        if (p <= 0f) return 1f;
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)((long)edge * heads + head + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        var u = (z >> 40) * (1.0f / (1 << 24));
        // Without a branch: the draws are random, so a branch on them mispredicts at rate p.
        return Unsafe.BitCast<bool, byte>(u >= p) * (1f / (1f - p));
    }
}
