namespace GraphAttn.Serving.Recommending;

/// <summary>
/// Per-thread scratch of the sparse baseline rankings (<see cref="FallbackContentTop"/>, <see cref="AdamicAdarTopK"/>):
/// a row of sums, all zero between uses (each caller resets the entries it touched), and a list of indices one slot
/// longer than the row (the content fallback's branch-free listing of touched items writes a slot before it knows
/// whether to keep it; the friend walk lists the users it took into its top k). A request
/// reuses its thread's arrays instead of clearing or allocating a row the size of the graph.
/// </summary>
internal static class ThreadScratch
{
    [ThreadStatic] private static float[]? t_sums;
    [ThreadStatic] private static int[]? t_touched;

    /// <summary>At least <paramref name="length"/> sums, all zero.</summary>
    public static float[] Sums(int length) => t_sums is { } s && s.Length >= length ? s : t_sums = new float[length];

    /// <summary>At least <paramref name="length"/> + 1 slots.</summary>
    public static int[] Touched(int length) => t_touched is { } t && t.Length > length ? t : t_touched = new int[length + 1];
}
