namespace GraphAttn.Model.Attention;

/// <summary>Which edge-attention implementation a <see cref="GatConv"/> layer runs.</summary>
public enum GatImplementation
{
    /// <summary>C# kernels over CSR edges with a custom backward pass (default; fast, O(N*H*C + E*H) memory).</summary>
    Fused,

    /// <summary>TorchSharp tensor operations (the oracle; materialises [E, H, C]).</summary>
    Reference,
}
