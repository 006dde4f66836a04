namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Bytes the fused kernels must read and write at minimum (each access counted once per pass that makes it), the
/// numerator of the streaming-time bound.
/// </summary>
internal static class KernelBytes
{
    public static (double Forward, double Backward) Count(long edges, long nodes, int heads, int channels)
    {
        double row = heads * channels * 4.0, logits = heads * 4.0;
        // Forward: per edge the source id, its logit row (max pass and weight pass) and its feature row; per target
        // offsets, its logit row, output row and log-sum-exp.
        var forward = edges * (4 + 2 * logits + row) + nodes * (4 + logits + row + logits);
        // Backward over targets: per edge id, logit row twice, feature row, alpha and dLogit written then dLogit
        // re-read and re-written; per target gradOut row, logits, lse, gradADst.
        var targets = edges * (4 + 2 * logits + row + 4 * logits) + nodes * (4 + row + 3 * logits);
        // Backward over sources: per edge id, target id, alpha, dLogit and the target's gradOut row; per source the
        // gradH row and gradASrc written.
        var sources = edges * (8 + 2 * logits + row) + nodes * (4 + row + logits);
        return (forward, targets + sources);
    }
}
