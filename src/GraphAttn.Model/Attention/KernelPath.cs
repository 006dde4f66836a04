namespace GraphAttn.Model.Attention;

/// <summary>
/// Which code path the fused kernels take. Both compute the same sums (in different orders, so results differ in the
/// last bits from path to path, never from run to run on one path).
/// </summary>
public enum KernelPath
{
    /// <summary>The fastest path this machine and row layout allow (the default).</summary>
    Auto,

    /// <summary>Any layout, any machine: per-head loops over rows in memory.</summary>
    General,

    /// <summary>The model's layout, 4 heads x 16 channels, on AVX2 + FMA: a row is eight 256-bit registers, two per
    /// head, so a head weight is one broadcast and the four per-head scalars one 128-bit register. Machines with
    /// AVX-512 take this path too.</summary>
    Avx2,
}
