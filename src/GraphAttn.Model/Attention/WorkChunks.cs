namespace GraphAttn.Model.Attention;

/// <summary>Splits CSR rows into contiguous ranges of roughly equal edge counts, so one hub does not stall a thread.</summary>
internal static class WorkChunks
{
    /// <summary>Row boundaries [0, ..., rows]; range k is rows b[k] .. b[k+1]-1.</summary>
    public static int[] Split(int[] offsets, int rows)
    {
        var edges = offsets[rows];
        var chunks = Math.Clamp(Environment.ProcessorCount * 8, 1, Math.Max(1, rows));
        var perChunk = Math.Max(1L, ((long)edges + rows) / chunks);
        var bounds = new List<int>(chunks + 1) { 0 };
        long next = perChunk;
        for (var r = 0; r < rows; r++)
        {
            if ((long)offsets[r + 1] + r + 1 >= next && r + 1 < rows)
            {
                bounds.Add(r + 1);
                next = (long)offsets[r + 1] + r + 1 + perChunk;
            }
        }
        bounds.Add(rows);
        return bounds.ToArray();
    }
}
