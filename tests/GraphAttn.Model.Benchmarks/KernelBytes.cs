namespace GraphAttn.Model.Benchmarks;

/// <summary>
/// Bytes the fused kernels read and write at minimum (each access counted once per pass that makes it, a gathered
/// row as its own bytes, not the cache lines around it), the numerator of the streaming-time bound. Without dropout,
/// as the benchmark runs.
/// </summary>
internal static class KernelBytes
{
    public static (double Forward, double Backward) Count(long edges, long nodes, int heads, int channels)
    {
        double row = heads * channels * 4.0, logits = heads * 4.0;
        // Forward: per edge the source id, its logit row and its feature row; per target offsets, its logit row,
        // output row and log-sum-exp.
        var forward = edges * (4 + logits + row) + nodes * (4 + logits + row + logits);
        // Backward, packing: per target gradOut and output rows, aDst and lse read, a line of 3 x H floats written.
        var pack = nodes * (2 * row + 2 * logits + 3 * logits);
        // Backward, walk over sources: per edge the target id, the target's gradOut row and line, the logit gradient
        // written; per source offsets, its feature and logit rows read, its gradH and gradASrc rows written.
        var walk = edges * (4 + row + 3 * logits + logits) + nodes * (4 + 2 * row + 2 * logits);
        // Backward, gather over targets: per edge its position and logit gradient; per target offsets and gradADst.
        var gather = edges * (4 + logits) + nodes * (4 + logits);
        return (forward, pack + walk + gather);
    }
}
