using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GraphAttn.Model.Native;

/// <summary>
/// Stops the allocator from handing tensors fresh pages on every step. By default glibc serves blocks above a
/// (dynamic, initially 128 KiB) threshold with fresh mmap()s and trims freed heap tops, so each step's tensors come
/// back as new pages whose first touches fault, and on the virtual machines measured those faults cost about as much
/// as the arithmetic. Two settings, applied once when this assembly loads (before the model allocates anything), on glibc
/// Linux only:
/// <list type="bullet">
/// <item>glibc keeps blocks up to 32 MiB on its heap and returns freed memory only beyond 256 MiB;</item>
/// <item>libtorch backs tensors of 2 MiB and more with transparent huge pages (THP_MEM_ALLOC_ENABLE=1, unless the
/// operator set it), so the larger ones fault in 2 MiB at a time.</item>
/// </list>
/// It trades peak memory for fewer page faults (figures in tests/GraphAttn.Model.Benchmarks/README.md).
/// Set GRAPHATTN_MALLOC_TUNING=0 to leave both as they are.
/// </summary>
public static class AllocatorTuning
{
    /// <summary>Blocks up to this size come from the reusable heap (glibc's maximum for the setting).</summary>
    public const int MmapThreshold = 32 << 20;

    /// <summary>Free memory at the heap's top is returned to the kernel only beyond this much.</summary>
    public const int TrimThreshold = 256 << 20;

    private const int MTrimThreshold = -1, MMmapThreshold = -3;

    /// <summary>Whether the settings were applied in this process.</summary>
    public static bool Applied { get; private set; }

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255",
        Justification = "Must run before the first tensor allocation, whichever entry point loads the model.")]
    internal static void ApplyOnLoad() => Apply();

    /// <summary>Applies the settings unless disabled or not on glibc; safe to call more than once.</summary>
    public static void Apply()
    {
        if (Applied || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("GRAPHATTN_MALLOC_TUNING") == "0")
            return;
        try
        {
            // Read by libtorch once, at its first allocation; an operator's own setting wins.
            setenv("THP_MEM_ALLOC_ENABLE", "1", 0);
            Applied = mallopt(MMmapThreshold, MmapThreshold) == 1 & mallopt(MTrimThreshold, TrimThreshold) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): nothing to tune.
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int setenv([MarshalAs(UnmanagedType.LPStr)] string name,
        [MarshalAs(UnmanagedType.LPStr)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
