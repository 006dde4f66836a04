namespace GraphAttn.Neo4j.PackStream;

/// <summary>
/// Bounds applied while decoding untrusted bytes so garbage can neither hang the reader nor make it allocate
/// without limit. Sizes are also checked against the bytes actually left, so a header claiming four billion
/// elements in a 20-byte message fails at once.
/// </summary>
/// <param name="MaxDepth">Deepest nesting of lists, maps and structures (default 64).</param>
/// <param name="MaxMessageBytes">Largest dechunked message accepted (default 256 MiB).</param>
public sealed record PackStreamLimits(int MaxDepth = 64, int MaxMessageBytes = 256 << 20)
{
    /// <summary>The defaults: depth 64, messages up to 256 MiB.</summary>
    public static PackStreamLimits Default { get; } = new();
}
